"""File-system failures as Windows PowerShell 5.1 reports them.

The lab's `FsError` family (and the sandbox's refusals, which derive from it) become
PowerShell exceptions with 5.1's texts, error ids and categories. `kind` says which cmdlet
family the error comes from when 5.1 uses different error ids (e.g. `RemoveItem`).
"""

from __future__ import annotations

from ...lab import filesystem as F
from ...runtime import errors as E
from . import paths as P


def path_not_found(path: str) -> E.PSException:
    return E.ItemNotFoundException(f"Cannot find path '{path}' because it does not exist.",
                                   error_id="PathNotFound", category="ObjectNotFound", target=path)


def drive_not_found(drive: str) -> E.PSException:
    return E.DriveNotFoundException(f"Cannot find drive. A drive with the name '{drive}' does not exist.",
                                    error_id="DriveNotFound", category="ObjectNotFound", target=drive)


def access_denied(path: str, kind: str) -> E.PSException:
    return E.UnauthorizedAccessException(f"Access to the path '{path}' is denied.",
                                         error_id=f"{kind}UnauthorizedAccessError", category="PermissionDenied",
                                         target=path)


def file_exists(path: str, kind: str) -> E.PSException:
    return E.IOException(f"The file '{path}' already exists.", error_id=f"{kind}IOError", category="WriteError",
                         target=path)


def directory_exists(path: str) -> E.PSException:
    return E.IOException(f"An item with the specified name {path} already exists.", error_id="DirectoryExist",
                         category="ResourceExists", target=path)


def fs_error(error: F.FsError, path: str, kind: str) -> E.PSException:
    """The PowerShell error for a failed file-system operation on `path`."""
    from .sandbox import SandboxRefusal

    if isinstance(error, SandboxRefusal):
        return E.UnauthorizedAccessException(str(error.detail), error_id=f"{kind}UnauthorizedAccessError",
                                             category="PermissionDenied", target=path)
    if isinstance(error, F.DriveNotFound) and P.drive_of(path) is not None and not P.is_unc(path):
        return drive_not_found(P.drive_of(path) or "")
    if isinstance(error, F.PathNotFound):
        return path_not_found(path)
    if isinstance(error, F.AccessDenied):
        return access_denied(path, kind)
    if isinstance(error, F.FileInUse):
        return E.IOException(
            f"The process cannot access the file '{path}' because it is being used by another process.",
            error_id=f"{kind}IOError", category="WriteError", target=path)
    if isinstance(error, F.VolumeFull):
        return E.IOException("There is not enough space on the disk.", error_id=f"{kind}IOError",
                             category="WriteError", target=path)
    if isinstance(error, F.PathExists):
        return file_exists(path, kind)
    if isinstance(error, F.NoTextContent):
        return E.PSNotSupportedException(
            f"The content of '{path}' is binary data (a disk image or a virtual machine file); the emulator "
            "keeps only its size, not its bytes.", error_id=f"{kind}NotSupported", category="NotImplemented",
            target=path)
    if isinstance(error, F.NotAFile):
        return access_denied(path, kind)
    if isinstance(error, F.NotAFolder):
        return path_not_found(path)
    if isinstance(error, F.InvalidPath):
        return E.ArgumentException("Illegal characters in path.", error_id=f"{kind}ArgumentError",
                                   category="InvalidArgument", target=path)
    return E.IOException(str(error), error_id=f"{kind}IOError", category="WriteError", target=path)
