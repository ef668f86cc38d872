#!/usr/bin/env bash
# Deep and self-referencing input (issue 14): YAML nested 10,000 levels,
# flow and block; the 340-byte alias bomb; a 100,000-deep JMESPath --query;
# a channel file that is an alias bomb or nests too deep. Each is answered
# with a clear error and the AWS CLI's exit code (252: the command is invalid,
# 253: the configuration is invalid), promptly: `timeout 20` turns a hang
# into a failure, and an exit code over 128 (a signal) is a crash.
set -uo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
ic() { NO_COLOR=1 timeout 20 "$bin" "$@"; }
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
# expect NAME CODE TEXT: the last command's exit code ($code) and output ($out).
expect() {
    if [ "$code" = "$2" ] && [[ $out == *"$3"* ]]; then ok "$1 ($2)"; else fail "$1: exit $code, expected $2 and '$3': ${out:0:400}"; fi
}
repeat() { python3 -c "import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]) + sys.argv[3])" "$@"; }

update='@aws ssm-incidents update-incident-record --arn arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4'
flow=$(repeat '[' 10000 '')
block=$(repeat '- ' 10000 'x')
bomb='{a: &a [x,x,x,x,x,x,x,x,x], b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b], d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c], e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d], f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e], g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f], h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]}'
bare=${bomb//&a /}

# --cli-input-yaml, through check and exec.
for how in check exec; do
    run() {
        if [ $how = check ]; then printf '%s\n' "$1" > cmd.chat; ic check cmd.chat 2>&1; else ic exec --memory "$1" 2>&1; fi
    }
    out=$(run "$update --cli-input-yaml '$flow'"); code=$?
    expect "$how: 10,000 [ in --cli-input-yaml" 252 "the document nests deeper than 256 levels"
    out=$(run "$update --cli-input-yaml '$block'"); code=$?
    expect "$how: 10,000 block levels (- - - ...) in --cli-input-yaml" 252 "line 1, column 513: the document nests deeper than 256 levels"
    out=$(run "$update --cli-input-yaml '$bomb'"); code=$?
    expect "$how: the alias bomb in --cli-input-yaml" 252 "a YAML anchor (&a) is not allowed in command input"
    out=$(run "$update --cli-input-yaml '$bare'"); code=$?
    expect "$how: an alias in --cli-input-yaml names the fix" 252 "write the value out in full"
done

# A 100,000-deep JMESPath --query. exec takes one argument (at most 128 KiB),
# so 50,000 'a.'; check reads its file. Nesting is refused; a chain of fields
# is a flat list of steps, not a nesting, and is answered.
for chain in "$(repeat '(' 100000 'a')" "$(repeat '[' 100000 '')" "$(repeat '!' 100000 'a')" "$(repeat '{a:' 40000 'a')"; do
    out=$(ic exec --memory "@aws ssm-incidents list-incident-records --query '$chain'" 2>&1); code=$?
    expect "exec: a ${#chain}-character --query of ${chain:0:3}" 252 "nested too deeply"
done
out=$(ic exec --memory "@aws ssm-incidents list-incident-records --query '$(repeat 'a.' 50000 'a')'" 2>&1); code=$?
expect "exec: a --query of 50,000 fields a.a.a... is answered" 0 "null"
for chain in "$(repeat '(' 100000 'a')" "$(repeat 'a.' 100000 'a')"; do
    printf "@aws ssm-incidents list-incident-records --query '%s'\n" "$chain" > query.chat
    out=$(ic check query.chat 2>&1); code=$?
    if [ "$code" = 0 ] || [ "$code" = 252 ]; then ok "check: a ${#chain}-character --query of ${chain:0:2} is answered ($code)"; else fail "check: a ${#chain}-character --query: exit $code ${out:0:300}"; fi
done

# The deepest value a --query can make (a literal of 510 lists) is printed in every format.
deep="\`$(repeat '[' 510 '1')$(repeat ']' 510 '')\`"
for format in json yaml text table; do
    out=$(ic exec --memory --output $format "@aws ssm-incidents list-incident-records --query '$deep'" 2>&1); code=$?
    expect "a 510-deep --query result printed as $format" 0 "1"
done

# Channel files: aliases are allowed but bounded; nesting is bounded.
{
    echo "workspace: acme"
    echo "a: &a [x,x,x,x,x,x,x,x,x]"
    for p in a b c d e f g; do
        n=$(echo "$p" | tr 'a-g' 'b-h')
        printf '%s: &%s [%s]\n' "$n" "$n" "$(repeat "*$p," 8 "*$p")"
    done
    echo "members: *h"
} > bomb.yaml
out=$(ic exec --memory --channel bomb.yaml '@aws ssm-incidents list-incident-records' 2>&1); code=$?
expect "a channel file that is an alias bomb" 253 "bomb.yaml:7:8: error: the document stands for more than 100000 values"
printf 'members: %s\n' "$flow" > deep-flow.yaml
out=$(ic exec --memory --channel deep-flow.yaml '@aws ssm-incidents list-incident-records' 2>&1); code=$?
expect "a channel file nested 10,000 levels (flow)" 253 "deep-flow.yaml:1:265: error: the document nests deeper than 256 levels"
printf 'members:\n%s\n' "$block" > deep-block.yaml
out=$(ic exec --memory --channel deep-block.yaml '@aws ssm-incidents list-incident-records' 2>&1); code=$?
expect "a channel file nested 10,000 levels (block)" 253 "deep-block.yaml:2:511: error: the document nests deeper than 256 levels"
printf 'role:\n  policies: ["file://deep.json"]\n' > policy-file.yaml
repeat '[' 100000 '' > deep.json
out=$(ic exec --memory --channel policy-file.yaml '@aws ssm-incidents list-incident-records' 2>&1); code=$?
expect "a policy file nested 100,000 levels" 253 "deep.json:1:"
cat > small.yaml <<'YAML'
role:
  policies:
    - &p {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "ssm-incidents:List*", Resource: "*"}]}
guardrails: [*p]
YAML
out=$(ic exec --memory --channel small.yaml '@aws ssm-incidents list-incident-records' 2>&1); code=$?
expect "a channel file with a small alias loads" 0 "incidentRecordSummaries"

echo "deep-input.sh: $passed passed, $failed failed"
[ "$failed" = 0 ]
