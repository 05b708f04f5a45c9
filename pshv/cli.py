"""The `pshv` command line, shaped like powershell.exe's.

    pshv                                  interactive shell
    pshv [-File] script.ps1 [args...]     run a script, binding args to its param() block
    pshv -Command "text" | -c "text"      run text ("-" reads it from standard input)
    -NoProfile -NonInteractive -NoLogo    accepted (there is no profile; scripts never prompt)
    -Lab FILE                             load the lab from FILE and save it back when done
    -OutputDirectory DIR                  mount the real folder DIR as the writable drive X:
    -LabSchema                            print the lab file's JSON Schema

Parameter names are case-insensitive and may be abbreviated, as powershell.exe allows.
"""

from __future__ import annotations

import sys

_SWITCHES = ("noprofile", "noninteractive", "nologo", "noexit", "sta", "mta", "labschema", "help")
_VALUED = ("executionpolicy", "windowstyle", "inputformat", "outputformat", "lab", "outputdirectory",
           "configurationname", "version")


class Options:
    def __init__(self) -> None:
        self.file: str | None = None
        self.command: str | None = None
        self.script_args: list[str] = []
        self.flags: set[str] = set()
        self.values: dict[str, str] = {}


def _match(name: str, candidates: tuple[str, ...]) -> str | None:
    name = name.casefold()
    exact = [c for c in candidates if c == name]
    if exact:
        return exact[0]
    found = [c for c in candidates if c.startswith(name)]
    return found[0] if len(found) == 1 else None


def _is_option(token: str) -> bool:
    name = token[1:].casefold()
    return bool(name) and ("file".startswith(name) or "command".startswith(name)
                           or _match(name, _SWITCHES + _VALUED) is not None)


def parse_arguments(argv: list[str]) -> Options:
    options = Options()
    index = 0
    while index < len(argv):
        token = argv[index]
        if not token.startswith(("-", "/")) or token in ("-", "/") or (token.startswith("/") and not _is_option(token)):
            options.file = token
            options.script_args = argv[index + 1:]
            return options
        name = token[1:]
        if name and "file".startswith(name.casefold()):
            if index + 1 < len(argv):
                options.file = argv[index + 1]
                options.script_args = argv[index + 2:]
            return options
        if name and "command".startswith(name.casefold()):
            options.command = " ".join(argv[index + 1:])
            return options
        option = _match(name, _SWITCHES + _VALUED)
        if option in _SWITCHES:
            options.flags.add(option)
            index += 1
            continue
        if option in _VALUED and index + 1 < len(argv):
            options.values[option] = argv[index + 1]
            index += 2
            continue
        options.command = " ".join(argv[index:])  # powershell.exe runs the rest as a command
        return options
    return options


def _script_arguments(tokens: list[str]) -> list:
    from .runtime.binder import BoundArgument

    arguments = []
    for token in tokens:
        if token.startswith("-") and len(token) > 1 and not token[1].isdigit():
            name, colon, value = token[1:].partition(":")
            if colon:
                arguments.append(BoundArgument.named(name, value, colon=True))
            else:
                arguments.append(BoundArgument.named(name))
        else:
            arguments.append(BoundArgument.positional(token))
    return arguments


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # e.g. `pshv -LabSchema | head`
        sys.stderr.close()
        return 0


def _main(argv: list[str] | None) -> int:
    options = parse_arguments(list(sys.argv[1:] if argv is None else argv))
    if "help" in options.flags:
        print(__doc__.strip())
        return 0
    if "labschema" in options.flags:
        from .lab.files import lab_json_schema
        import json

        print(json.dumps(lab_json_schema(), indent=2))
        return 0
    from .runtime.host import Host
    from .shell import create_session

    interactive = options.file is None and options.command is None
    lab_path = options.values.get("lab")
    output_directory = options.values.get("outputdirectory")
    if output_directory is not None and not _usable_output_directory(output_directory):
        return 1
    session = create_session(Host(), interactive=interactive and "noninteractive" not in options.flags,
                             lab_path=lab_path, output_directory=output_directory)
    handle = session.ctx.services["lab"]
    if lab_path is not None:
        code = _open_lab(handle)
        if code:
            return code
    try:
        if options.file is not None:
            return _run_file(session, options)
        if options.command is not None:
            text = sys.stdin.read() if options.command.strip() == "-" else options.command
            return session.run_script(text, new_scope=False).exit_code
        from .repl import run_repl

        return run_repl(session, logo="nologo" not in options.flags)
    except KeyboardInterrupt:
        return 130
    finally:
        handle.save()


def _open_lab(handle) -> int:
    """Load (or create) the -Lab file up front, so a bad file is reported before anything runs."""
    import os

    from .lab.files import LabFileError

    try:
        created = not os.path.exists(handle.path)
        handle.lab
        if created:
            handle.save()
    except LabFileError as error:
        sys.stderr.write(f"pshv: cannot load the lab file: {error}\n")
        return 1
    except OSError as error:
        sys.stderr.write(f"pshv: cannot open the lab file '{handle.path}': {error.strerror}\n")
        return 1
    return 0


def _run_file(session, options: Options) -> int:
    import os

    from .syntax import read_script_file

    path = os.path.abspath(options.file)
    try:
        text = read_script_file(path)
    except OSError:
        sys.stderr.write(
            f"The argument '{options.file}' to the -File parameter does not exist. Provide the path to an existing "
            "'.ps1' file as an argument to the -File parameter.\n")
        return 1
    from .commands.core.sandbox import mount_script_folder

    lab_path = mount_script_folder(session.ctx, path)
    return session.run_script(text, path=lab_path, args=_script_arguments(options.script_args)).exit_code


def _usable_output_directory(folder: str) -> bool:
    """-OutputDirectory must name an existing real folder (it is never created)."""
    import os

    if os.path.isdir(folder):
        return True
    sys.stderr.write(f"pshv: the -OutputDirectory folder '{folder}' does not exist.\n")
    return False


if __name__ == "__main__":
    sys.exit(main())
