#!/usr/bin/env python3
"""Feeds chat commands to the installed AWS CLI's own argument processing and
prints, per command, the request parameters it builds (one JSON line each).

The CLI's driver runs in this process. A handler on `provide-client-params`
records the parameters and raises, so no request is ever sent. The parameters
are then validated by botocore (as the CLI would next) and normalised for
comparison: timestamps as ISO 8601 UTC with milliseconds, blobs in base64.

usage: awscli_params.py COMMANDS-FILE   (one command a line, `@aws` prefix optional)
"""
import base64
import contextlib
import io
import json
import os
import shlex
import sys
import tempfile


class _Stop(Exception):
    """Raised by the handler so that the CLI stops before sending."""


def _setup_environment(tmp):
    config = os.path.join(tmp, "config")
    with open(config, "w") as f:
        # AWS CLI v1 fetches http(s):// parameter values; v2 does not, nor do we.
        f.write("[default]\nregion = us-east-1\ncli_follow_urlparam = false\n")
    credentials = os.path.join(tmp, "credentials")
    with open(credentials, "w") as f:
        f.write("[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n")
    os.environ.update({
        "AWS_CONFIG_FILE": config,
        "AWS_SHARED_CREDENTIALS_FILE": credentials,
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_PAGER": "",
    })
    for name in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        os.environ.pop(name, None)


def _normalise(value, shape):
    """The parameters as `incident-chat check --json` writes them."""
    from botocore.utils import parse_to_aware_datetime
    if value is None:
        return None
    t = shape.type_name
    if t == "structure" and isinstance(value, dict):
        return {k: _normalise(v, shape.members[k]) if k in shape.members else v for k, v in value.items()}
    if t == "list" and isinstance(value, (list, tuple)):
        return [_normalise(v, shape.member) for v in value]
    if t == "map" and isinstance(value, dict):
        return {k: _normalise(v, shape.value) for k, v in value.items()}
    if t == "timestamp":
        d = parse_to_aware_datetime(value)
        return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)
    if t == "blob":
        if isinstance(value, str):
            value = value.encode("utf-8")
        if hasattr(value, "read"):
            value = value.read()
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def main():
    import botocore.validate
    from awscli.clidriver import create_clidriver

    tmp = tempfile.mkdtemp(prefix="awscli-params-")
    _setup_environment(tmp)
    driver = create_clidriver()
    captured = {}

    def record(params, model, **kwargs):
        captured["params"] = params
        captured["model"] = model
        raise _Stop()

    driver.session.register("provide-client-params.*.*", record)

    with open(sys.argv[1]) as f:
        lines = [l.rstrip("\n") for l in f]
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        words = shlex.split(text)
        if words and words[0].lower() in ("@aws", "aws"):
            words = words[1:]
        captured.clear()
        # Each skeleton argument keeps the operation it was built for: a fresh
        # driver prints the right one.
        runner = driver
        if "--generate-cli-skeleton" in words:
            runner = create_clidriver()
            runner.session.register("provide-client-params.*.*", record)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = runner.main(words)
            except _Stop:
                status = None
            except SystemExit as e:
                status = e.code
            except Exception as e:  # the CLI crashed on its input
                status = "crash: %s" % e
        result = {"line": number}
        if "params" in captured:
            model = captured["model"]
            params = dict(captured["params"])
            paginator = None
            try:
                paginator = driver.session.get_paginator_model(model.service_model.service_name).get_paginator(model.name)
            except Exception:
                pass
            if paginator:
                # Keys the paginator adds from --page-size / --starting-token.
                if "--page-size" in words and paginator.get("limit_key"):
                    params.pop(paginator["limit_key"], None)
                if "--starting-token" in words:
                    tokens = paginator["input_token"]
                    for t in tokens if isinstance(tokens, list) else [tokens]:
                        params.pop(t, None)
            try:
                botocore.validate.validate_parameters(params, model.input_shape)
                result.update(ok=True, service=model.service_model.service_name, operation=model.name,
                              input=_normalise(params, model.input_shape))
            except botocore.exceptions.ParamValidationError as e:
                result.update(ok=False, error=str(e))
        elif status == 0 and out.getvalue().strip().startswith("{"):
            result.update(ok=True, skeleton=json.JSONDecoder().raw_decode(out.getvalue().strip())[0])
        else:
            message = (err.getvalue().strip() or str(status)).splitlines()
            result.update(ok=False, error=message[-1] if message else "")
        print(json.dumps(result, sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
