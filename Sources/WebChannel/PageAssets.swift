/// The page, its script and its style, shipped inside the binary: no CDN, no
/// build step. The page has no inline script or style (the Content-Security-
/// Policy forbids both), and the script writes every value with
/// `textContent`, never as HTML.
enum PageAssets {
    static let html = document(#"""
    <header>
      <h1 id="channel-name">IncidentChat</h1>
      <span id="status" role="status"></span>
      <button id="sign-out" type="button" hidden>Sign out</button>
    </header>
    <main>
      <form id="sign-in" hidden>
        <h2>Sign in to the channel</h2>
        <label for="name">Name</label>
        <input id="name" name="name" autocomplete="username" required maxlength="64">
        <div id="password-row">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password">
        </div>
        <button type="submit">Sign in</button>
        <p id="sign-in-error" role="alert"></p>
      </form>
      <section id="conversation-pane" hidden>
        <aside id="incident" aria-label="Current incident">
          <h2 id="incident-title">No open incident</h2>
          <p id="incident-facts"></p>
          <ul id="incident-paged" aria-label="Paged"></ul>
          <svg id="incident-timeline" role="img" aria-label="Timeline"></svg>
        </aside>
        <div id="conversation" role="log" aria-live="polite" aria-label="Conversation"></div>
        <form id="composer">
          <label for="message" class="hidden-label">Message</label>
          <textarea id="message" rows="2" maxlength="40000" aria-autocomplete="list" aria-controls="completions"
            placeholder="Talk, or run a command: @aws ssm-incidents list-incident-records (Tab completes)"></textarea>
          <button type="submit">Send</button>
          <ul id="completions" role="listbox" aria-label="Completions" hidden></ul>
        </form>
      </section>
    </main>
    """#)

    /// With several channels, `/` lists them (the script fills the list).
    static let listHTML = document(#"""
    <header><h1>IncidentChat</h1></header>
    <main>
      <nav id="channels" aria-label="Channels">
        <h2>Choose a channel</h2>
        <ul id="channel-list"></ul>
      </nav>
    </main>
    """#)

    /// A page of the channel: its body with the script and the style (the script sets the title).
    static func document(_ body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>IncidentChat</title>
        <link rel="stylesheet" href="/channel/app.css">
        <script src="/channel/app.js" defer></script>
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
    }

    static let style = #"""
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.4 system-ui, sans-serif; color: #1d1d1f; background: #f4f5f7; display: flex; flex-direction: column; height: 100vh; }
    header { display: flex; align-items: center; gap: 12px; padding: 8px 12px; background: #232f3e; color: #fff; }
    header h1 { font-size: 16px; margin: 0; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    #status { font-size: 13px; opacity: .85; }
    main { flex: 1; display: flex; min-height: 0; }
    #sign-in { margin: 40px auto; padding: 20px; background: #fff; border-radius: 8px; width: min(360px, 92vw); display: flex; flex-direction: column; gap: 6px; }
    #sign-in h2 { font-size: 18px; margin: 0 0 8px; }
    #channels { margin: 40px auto; align-self: flex-start; padding: 20px; background: #fff; border-radius: 8px; width: min(480px, 92vw); }
    #channels h2 { font-size: 18px; margin: 0 0 8px; }
    #channel-list { padding-left: 20px; line-height: 2; }
    #sign-in input { padding: 8px; font: inherit; width: 100%; }
    #password-row { display: flex; flex-direction: column; gap: 6px; }
    #sign-in-error { color: #b00020; min-height: 1.4em; }
    button { font: inherit; padding: 8px 14px; border: 0; border-radius: 6px; background: #ff9900; color: #111; cursor: pointer; }
    header button { background: #37475a; color: #fff; padding: 4px 10px; }
    #conversation-pane { flex: 1; display: flex; flex-direction: column; min-width: 0; }
    #conversation { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
    .msg { background: #fff; border-radius: 8px; padding: 8px 10px; max-width: 100%; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
    .msg .meta { font-size: 12px; color: #5f6b7a; margin-bottom: 2px; }
    .msg .author { font-weight: 600; color: #1d1d1f; margin-right: 6px; }
    .msg .pin { float: right; font-size: 12px; padding: 2px 8px; background: #e9edf2; color: #1d1d1f; }
    .msg .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
    .msg pre.text { font: 13px/1.35 ui-monospace, monospace; background: #f6f8fa; padding: 6px 8px; border-radius: 4px; overflow-x: auto; white-space: pre; }
    .msg.command .text { font-family: ui-monospace, monospace; font-size: 13px; }
    .msg.notification { border-left: 4px solid #ff9900; }
    .msg.private { border-left: 4px solid #b00020; background: #fff6f6; }
    .msg.notice { background: transparent; box-shadow: none; color: #5f6b7a; font-size: 13px; padding: 0 4px; }
    #composer { display: flex; gap: 8px; padding: 8px 12px; background: #fff; border-top: 1px solid #dde1e6; }
    #composer { position: relative; }
    #completions { position: absolute; bottom: 100%; left: 12px; margin: 0; padding: 4px 0; list-style: none; background: #fff;
      border: 1px solid #c6ccd4; border-radius: 6px; max-height: 40vh; overflow-y: auto; font: 13px ui-monospace, monospace; min-width: 16em; }
    #completions li { padding: 2px 10px; cursor: pointer; }
    #completions li[aria-selected="true"], #completions li:hover { background: #e8f0fe; }
    #message { flex: 1; font: 14px/1.4 ui-monospace, monospace; padding: 8px; resize: vertical; min-height: 2.6em; }
    #incident { padding: 8px 12px; background: #fff; border-bottom: 1px solid #dde1e6; }
    #incident h2 { font-size: 15px; margin: 0; }
    #incident p { margin: 2px 0 4px; font-size: 13px; color: #5f6b7a; }
    #incident-timeline { width: 100%; height: auto; max-height: 220px; display: block; }
    #incident-paged { margin: 0 0 4px; padding: 0; list-style: none; font-size: 13px; display: flex; flex-wrap: wrap; gap: 2px 14px; }
    #incident-paged .accepted { color: #2b8a3e; } #incident-paged .waiting { color: #c92a2a; }
    .hidden-label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    [hidden] { display: none !important; }
    @media (max-width: 600px) { body { font-size: 14px; } #conversation { padding: 8px; } header h1 { font-size: 14px; } }
    """#

    static let script = #"""
    "use strict";
    (() => {
      const $ = (id) => document.getElementById(id);
      const state = { csrf: "", user: "", last: 0, socket: null, retry: 500, signedOut: false, history: [], back: -1 };

      function element(tag, className, text) {
        const node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined) node.textContent = text;
        return node;
      }

      function show(entry) {
        const log = $("conversation");
        const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
        const box = element("div", "msg " + entry.kind);
        if (entry.seq) box.dataset.seq = String(entry.seq);
        const meta = element("div", "meta");
        meta.append(element("span", "author", entry.author));
        if (entry.time) meta.append(element("time", "", new Date(entry.time).toLocaleTimeString()));
        if (entry.note) meta.append(element("span", "", " · " + entry.note));
        box.append(meta);
        const code = entry.kind === "result" || entry.kind === "private" || entry.kind === "notification";
        box.append(element(code ? "pre" : "p", "text", entry.text));
        if (entry.kind === "chat" && entry.seq) {
          const pin = element("button", "pin", "Pin");
          pin.type = "button";
          pin.setAttribute("aria-label", "Pin to the timeline");
          pin.addEventListener("click", () => {
            if (state.socket && state.socket.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify({ type: "pin", seq: entry.seq }));
          });
          meta.append(pin);
        }
        log.append(box);
        if (atEnd) log.scrollTop = log.scrollHeight;
      }

      const SVG = "http://www.w3.org/2000/svg";
      function svg(tag, attributes, text) {
        const node = document.createElementNS(SVG, tag);
        for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
        if (text !== undefined) node.textContent = text;
        return node;
      }

      // The current incident: its facts, and its timeline as the server drew
      // it (the review's picture: SVG with no script or style, parsed as XML).
      // A conversation that followed its newest message still does when the panel grows.
      function showIncident(frame) {
        const log = $("conversation");
        const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
        drawIncident(frame);
        if (atEnd) log.scrollTop = log.scrollHeight;
      }

      function drawIncident(frame) {
        const incident = frame.incident;
        const old = $("incident-timeline");
        let picture = null;
        if (incident && typeof frame.picture === "string") {
          const parsed = new DOMParser().parseFromString(frame.picture, "image/svg+xml").documentElement;
          if (parsed && parsed.namespaceURI === SVG && parsed.localName === "svg") picture = document.importNode(parsed, true);
        }
        if (!picture) picture = svg("svg", { role: "img", "aria-label": "Timeline" });
        picture.setAttribute("id", "incident-timeline");
        old.replaceWith(picture);
        const paged = $("incident-paged");
        paged.replaceChildren();
        if (!incident) {
          $("incident-title").textContent = "No open incident";
          $("incident-facts").textContent = "";
          return;
        }
        $("incident-title").textContent = incident.title || "(untitled)";
        $("incident-facts").textContent = "Status " + incident.status + " · Impact " + incident.impact;
        // Who was paged, and whether they accepted: "Olive paged 10:02 UTC, accepted 10:05 UTC".
        for (const page of Array.isArray(frame.paged) ? frame.paged : []) {
          const item = element("li", page.accepted ? "accepted" : "waiting");
          let text = String(page.contact) + " paged " + clock(page.sent);
          if (page.through) text += " through " + String(page.through);
          text += page.accepted ? ", accepted " + clock(page.accepted) : ", not accepted yet";
          item.textContent = text;
          paged.append(item);
        }
      }

      // "2026-12-04T10:02:03.123Z" → "10:02:03 UTC".
      function clock(iso) {
        const match = /T(\d\d:\d\d:\d\d)/.exec(String(iso));
        return match ? match[1] + " UTC" : String(iso);
      }

      function notice(text) { show({ kind: "notice", author: "", text }); }

      async function call(path, body) {
        const response = await fetch(path, {
          method: body === undefined ? "GET" : "POST", credentials: "same-origin",
          headers: body === undefined ? {} : { "Content-Type": "application/json", "X-CSRF-Token": state.csrf },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        let data = {};
        try { data = await response.json(); } catch (_) { data = { error: "The server answered " + response.status + "." }; }
        return { ok: response.ok, data };
      }

      async function start() {
        const { data } = await call("channel/session");
        if (data.channel) { $("channel-name").textContent = data.channel; document.title = data.channel + " · IncidentChat"; }
        state.csrf = data.csrf || "";
        $("password-row").hidden = !data.needsPassword;
        $("password").required = !!data.needsPassword;
        if (data.user) enter(data.user); else { $("sign-in").hidden = false; $("name").focus(); }
      }

      function enter(user) {
        state.user = user;
        state.signedOut = false;
        $("sign-in").hidden = true;
        $("conversation-pane").hidden = false;
        $("sign-out").hidden = false;
        $("message").focus();
        connect();
      }

      function connect() {
        // The channel's addresses are relative to its page (`/`, or `/c/NAME/` when a server has several).
        const url = new URL("channel/socket?after=" + state.last + "&csrf=" + encodeURIComponent(state.csrf), location.href);
        url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
        const socket = new WebSocket(url.href);
        state.socket = socket;
        $("status").textContent = "connecting…";
        socket.onopen = () => { state.retry = 500; };
        socket.onmessage = (event) => {
          let frame;
          try { frame = JSON.parse(event.data); } catch (_) { return; }
          if (frame.type === "hello") {
            $("status").textContent = "signed in as " + frame.user;
            if (frame.truncated) notice("Older messages are no longer kept.");
          } else if (frame.type === "message") {
            if (frame.seq <= state.last) return;
            state.last = frame.seq;
            show(frame);
          } else if (frame.type === "incident") {
            showIncident(frame);
          } else if (frame.type === "private") {
            show({ kind: "private", author: state.user, note: "only you can see this", text: frame.command + "\n\n" + frame.text });
          } else if (frame.type === "refused") {
            show({ kind: "private", author: "IncidentChat", note: "only you can see this", text: frame.text });
          }
        };
        socket.onclose = (event) => {
          if (state.socket !== socket) return;
          state.socket = null;
          if (state.signedOut) return;
          $("status").textContent = "reconnecting…";
          if (event.reason) notice("Disconnected: " + event.reason);
          setTimeout(reconnect, state.retry);
          state.retry = Math.min(state.retry * 2, 10000);
        };
      }

      async function reconnect() {
        const { data } = await call("channel/session").catch(() => ({ data: {} }));
        if (data.user) { state.csrf = data.csrf; connect(); return; }
        if (data.csrf !== undefined) { state.csrf = data.csrf; leave("Your session has ended: sign in again."); return; }
        setTimeout(reconnect, state.retry);
        state.retry = Math.min(state.retry * 2, 10000);
      }

      function leave(message) {
        state.signedOut = true;
        if (state.socket) { const s = state.socket; state.socket = null; s.close(); }
        $("conversation-pane").hidden = true;
        $("sign-out").hidden = true;
        $("sign-in").hidden = false;
        $("status").textContent = "";
        $("sign-in-error").textContent = message || "";
      }

      function send() {
        const box = $("message");
        const text = box.value;
        if (!text.trim()) return;
        if (!state.socket || state.socket.readyState !== WebSocket.OPEN) { notice("Not connected: the message was not sent."); return; }
        state.socket.send(JSON.stringify({ type: "message", text }));
        state.history.push(text);
        if (state.history.length > 100) state.history.shift();
        state.back = -1;
        box.value = "";
      }

      // Completion, from the server's completer (the REPL's): Tab asks at the
      // cursor; one candidate is put in, several are offered in the list.
      const utf8 = new TextEncoder(), text8 = new TextDecoder();
      function hideCompletions() { const list = $("completions"); list.hidden = true; list.textContent = ""; }
      function choose(box, start, end, word) {
        box.value = box.value.slice(0, start) + word + (word.endsWith("=") ? "" : " ") + box.value.slice(end);
        const at = start + word.length + (word.endsWith("=") ? 0 : 1);
        box.setSelectionRange(at, at);
        hideCompletions();
        box.focus();
      }
      async function complete(box) {
        const cursor = box.selectionStart, before = utf8.encode(box.value.slice(0, cursor));
        const { ok, data } = await call("channel/complete?line=" + encodeURIComponent(box.value) + "&cursor=" + before.length);
        if (!ok || !data.candidates || !data.candidates.length) { hideCompletions(); return; }
        const start = text8.decode(before.slice(0, data.start)).length;
        if (data.candidates.length === 1) { choose(box, start, cursor, data.candidates[0]); return; }
        const list = $("completions");
        list.textContent = "";
        data.candidates.forEach((word, i) => {
          const item = element("li", "", word);
          item.setAttribute("role", "option");
          item.id = "completion-" + i;
          item.setAttribute("aria-selected", i === 0 ? "true" : "false");
          item.addEventListener("mousedown", (event) => { event.preventDefault(); choose(box, start, cursor, word); });
          list.appendChild(item);
        });
        list.dataset.start = start;
        list.dataset.end = cursor;
        list.hidden = false;
      }
      function moveSelection(step) {
        const items = [...$("completions").children];
        const at = items.findIndex((item) => item.getAttribute("aria-selected") === "true");
        const next = (at + step + items.length) % items.length;
        items.forEach((item, i) => item.setAttribute("aria-selected", i === next ? "true" : "false"));
        items[next].scrollIntoView({ block: "nearest" });
      }

      // The list of a server's channels: one link each, named with textContent.
      async function listChannels(list) {
        const { ok, data } = await call("/channel/list");
        if (!ok || !Array.isArray(data)) { list.textContent = "The channels could not be listed."; return; }
        for (const channel of data) {
          const item = document.createElement("li"), link = document.createElement("a");
          link.href = channel.path;
          link.textContent = channel.name;
          item.append(link);
          list.append(item);
        }
      }

      document.addEventListener("DOMContentLoaded", () => {
        if ($("channel-list")) { listChannels($("channel-list")); return; }
        $("sign-in").addEventListener("submit", async (event) => {
          event.preventDefault();
          $("sign-in-error").textContent = "";
          const { ok, data } = await call("channel/signin", { name: $("name").value, password: $("password").value });
          if (!ok) { $("sign-in-error").textContent = data.error || "Signing in failed."; return; }
          state.csrf = data.csrf;
          $("password").value = "";
          enter(data.user);
        });
        $("sign-out").addEventListener("click", async () => {
          await call("channel/signout", {});
          const { data } = await call("channel/session");
          state.csrf = data.csrf || "";
          leave("");
        });
        $("composer").addEventListener("submit", (event) => { event.preventDefault(); send(); });
        $("message").addEventListener("keydown", (event) => {
          const box = $("message"), list = $("completions");
          if (!list.hidden) {
            if (event.key === "ArrowUp" || event.key === "ArrowDown") { event.preventDefault(); moveSelection(event.key === "ArrowUp" ? -1 : 1); return; }
            if (event.key === "Enter" || event.key === "Tab") {
              event.preventDefault();
              const chosen = [...list.children].find((item) => item.getAttribute("aria-selected") === "true");
              if (chosen) choose(box, Number(list.dataset.start), Number(list.dataset.end), chosen.textContent);
              return;
            }
            if (event.key === "Escape") { event.preventDefault(); hideCompletions(); return; }
            hideCompletions();
          }
          if (event.key === "Tab" && !event.shiftKey) { event.preventDefault(); complete(box); return; }
          if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); send(); return; }
          if ((event.key === "ArrowUp" || event.key === "ArrowDown") && !box.value.includes("\n") && state.history.length) {
            if (event.key === "ArrowUp") state.back = state.back < 0 ? state.history.length - 1 : Math.max(0, state.back - 1);
            else state.back = state.back < 0 ? -1 : state.back + 1;
            if (state.back >= state.history.length) state.back = -1;
            box.value = state.back < 0 ? "" : state.history[state.back];
            event.preventDefault();
          }
        });
        start();
      });
    })();
    """#
}
