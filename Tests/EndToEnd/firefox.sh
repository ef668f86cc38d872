#!/usr/bin/env bash
# The channel in Firefox, end to end (web.sh does Chromium): `incident-chat
# serve --channel` on a free loopback port with the channel file of web.sh
# (passwords set by `incident-chat channel passwd`); headless Firefox (Debian's
# firefox-esr) with a throwaway profile, its Marionette server on a port of
# its own choosing; firefox_driver.py drives it over Marionette (no
# geckodriver: Debian has none) and talks to it from a second client on the
# channel's WebSocket. The screenshots go to .build/web-channel-firefox*.png.
# Usage: Tests/EndToEnd/firefox.sh PATH/TO/incident-chat
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/support/common.sh"
work=$(mktemp -d)
server_pid=
firefox_pid=
# Firefox runs in a process group of its own (setsid), so that its content
# processes stop with it: TERM to the group, then KILL to what is left.
stop_firefox() {
    [ -n "$firefox_pid" ] || return 0
    kill -TERM -- "-$firefox_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 -- "-$firefox_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$firefox_pid" 2>/dev/null
    wait "$firefox_pid" 2>/dev/null
    firefox_pid=
}
cleanup() { stop_firefox; stop_serve; rm -rf "$work"; }
trap cleanup EXIT

require_firefox firefox.sh

cd "$work"
cp "$here/web/channel.yaml" channel.yaml
printf 'alice-secret-1\n' | "$bin" channel passwd channel.yaml alice 2>passwd.err
status=$?
if [ "$status" = 0 ]; then ok "channel passwd sets alice's password"; else fail "channel passwd alice ($status): $(cat passwd.err)"; fi
printf 'bob-secret-22\n' | "$bin" channel passwd channel.yaml bob 2>>passwd.err
status=$?
if [ "$status" = 0 ]; then ok "and bob's"; else fail "channel passwd bob ($status): $(cat passwd.err)"; fi
"$bin" run --store store.sqlite "$here/web/setup.chat" >setup.out 2>&1
status=$?
if [ "$status" = 0 ]; then ok "the response plan is set up"; else fail "setup ($status): $(cat setup.out)"; fi

start_serve serve "$bin" --store store.sqlite --channel channel.yaml
if [ -n "$endpoint" ]; then ok "serve --channel listens ($endpoint)"; else fail "serve did not start: $(cat serve.err)"; finish firefox.sh; fi

# Firefox: a profile in the temporary directory (its home and TMPDIR too), Marionette on
# port 0, which Firefox replaces with a free one and writes to
# MarionetteActivePort in the profile. -remote-allow-system-access lets the
# driver read the browser's console (script errors, CSP reports).
mkdir -p profile home
cat >profile/user.js <<'JS'
user_pref("marionette.port", 0);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("browser.aboutwelcome.enabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
user_pref("app.update.disabledForTesting", true);
user_pref("app.normandy.enabled", false);
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("extensions.update.enabled", false);
user_pref("browser.safebrowsing.update.enabled", false);
JS
HOME="$work/home" TMPDIR="$work" MOZ_HEADLESS=1 setsid firefox-esr --headless --marionette --remote-allow-system-access --no-remote \
    --profile "$work/profile" about:blank >firefox.out 2>firefox.err &
firefox_pid=$!
for _ in $(seq 1 300); do
    [ -s profile/MarionetteActivePort ] && break
    kill -0 "$firefox_pid" 2>/dev/null || break
    sleep 0.1
done
marionette_port=$(cat profile/MarionetteActivePort 2>/dev/null)
if [ -n "$marionette_port" ]; then ok "headless Firefox listens for Marionette (port $marionette_port)"; else fail "Firefox did not start: $(tail -20 firefox.err)"; finish firefox.sh; fi

mkdir -p "$root/.build"
drive driver "the Firefox driver" "$here/firefox_driver.py" "$endpoint" "$marionette_port" "$root/.build"

group=$firefox_pid
stop_firefox
if ! kill -0 -- "-$group" 2>/dev/null; then ok "Firefox and its content processes are stopped"; else fail "Firefox is still running (process group $group)"; fi
stop_serve
finish firefox.sh
