import pytest

from pshv.lab.base import GiB
from pshv.lab.filesystem import (
    AccessDenied,
    DriveNotFound,
    FileInUse,
    FileSystem,
    FolderNotEmpty,
    InvalidPath,
    NoTextContent,
    NotAFolder,
    PathExists,
    PathNotFound,
    VolumeFull,
    join_path,
    normalize_path,
    split_path,
)
from pshv.lab.fstree import VhdHeader
from pshv.lab.model import SmbShare


@pytest.fixture
def fs(lab):
    return FileSystem(lab)


def test_paths_normalize():
    assert normalize_path("d:/Hyper-V/./x/../web01\\") == "D:\\Hyper-V\\web01"
    assert normalize_path("C:VHDs") == "C:\\VHDs"
    assert normalize_path("\\\\FS01\\VMs\\") == "\\\\FS01\\VMs"
    assert split_path("D:\\a\\b.txt") == ("D:\\a", "b.txt")
    assert join_path("D:\\a\\", "b", "c.txt") == "D:\\a\\b\\c.txt"
    for bad in ("relative\\path", "\\\\server", "D:\\a?b"):
        with pytest.raises(InvalidPath):
            normalize_path(bad)


def test_names_are_case_insensitive_and_keep_their_case(fs):
    fs.make_folder("HV01", "C:\\Temp\\Reports")
    fs.write_text("hv01", "c:\\temp\\reports\\VMs.csv", "Name,State\n")
    assert fs.exists("HV01", "C:\\TEMP\\REPORTS\\vms.CSV")
    assert [e.name for e in fs.list_folder("HV01", "c:\\temp")] == ["Reports"]
    assert fs.read_text("HV01", "C:\\Temp\\Reports\\vms.csv") == "Name,State\n"


def test_text_files_write_append_and_size(fs):
    fs.make_folder("HV01", "C:\\Temp")
    fs.write_text("HV01", "C:\\Temp\\log.txt", "one\n")
    fs.append_text("HV01", "C:\\Temp\\log.txt", "twö\n")
    assert fs.read_text("HV01", "C:\\Temp\\log.txt") == "one\ntwö\n"
    assert fs.size_of("HV01", "C:\\Temp\\log.txt") == len("one\ntwö\n".encode())
    with pytest.raises(NoTextContent):
        fs.read_text("HV01", "D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx")
    with pytest.raises(PathNotFound):
        fs.write_text("HV01", "C:\\Nowhere\\x.txt", "x")


def test_listing_orders_folders_then_files(fs):
    fs.make_folder("HV02", "D:\\x\\b")
    fs.make_folder("HV02", "D:\\x\\A")
    fs.write_file("HV02", "D:\\x\\z.bin", size_bytes=10)
    fs.write_file("HV02", "D:\\x\\a.bin", size_bytes=10)
    assert [e.name for e in fs.list_folder("HV02", "D:\\x")] == ["A", "b", "a.bin", "z.bin"]
    with pytest.raises(NotAFolder):
        fs.list_folder("HV02", "D:\\x\\a.bin")


def test_free_space_follows_files(fs):
    free = fs.free_space("HV02", "D:\\")
    fs.write_file("HV02", "D:\\big.bin", size_bytes=100 * GiB)
    assert fs.free_space("HV02", "D:\\anything") == free - 100 * GiB
    fs.delete("HV02", "D:\\big.bin")
    assert fs.free_space("HV02", "D:\\") == free
    with pytest.raises(VolumeFull) as full:
        fs.write_file("HV02", "D:\\huge.bin", size_bytes=free + 1)
    assert full.value.path == "D:\\huge.bin" and full.value.free_bytes == free
    assert not fs.exists("HV02", "D:\\huge.bin")


def test_unc_share_and_admin_share(fs, lab):
    assert fs.is_file("HV02", "\\\\FS01\\VMs\\app01\\app01.vhdx")
    assert fs.is_file("HV02", "\\\\fs01.contoso.local\\vms\\app01\\APP01.vhdx")
    assert fs.same_volume("HV01", "\\\\FS01\\VMs", "FS01", "D:\\Shares")
    assert fs.is_file("HV01", "\\\\HV02\\D$\\Hyper-V\\Virtual Hard Disks\\dc01.vhdx")
    with pytest.raises(AccessDenied):
        fs.resolve("HV03", "\\\\FS01\\VMs\\app01", computer_account=True)
    fs.resolve("HV02", "\\\\FS01\\VMs\\app01", computer_account=True)
    with pytest.raises(AccessDenied):
        fs.resolve("HV01", "\\\\HV02\\D$\\x", computer_account=True)
    with pytest.raises(DriveNotFound):
        fs.resolve("HV01", "\\\\NOPE\\VMs\\x")
    with pytest.raises(DriveNotFound):
        fs.resolve("HV02", "E:\\x")


def test_csv_is_seen_from_every_node_only(fs):
    assert fs.same_volume("HVC01", "C:\\ClusterStorage\\Volume1", "HVC02", "C:\\ClusterStorage\\volume1\\x")
    assert not fs.same_volume("HVC01", "C:\\ClusterStorage\\Volume1", "HVC01", "C:\\Windows")
    assert not fs.exists("HV01", "C:\\ClusterStorage\\Volume1\\crm01")
    assert [e.name for e in fs.list_folder("HVC02", "C:\\ClusterStorage")] == ["Volume1"]


def test_copy_move_rename_delete(fs):
    fs.make_folder("HV02", "D:\\src\\inner")
    fs.write_text("HV02", "D:\\src\\inner\\a.txt", "hello")
    fs.write_file("HV02", "D:\\src\\disk.vhdx", size_bytes=GiB, vhd=VhdHeader(max_size_bytes=10 * GiB))
    before = fs.free_space("HV01", "E:\\")
    fs.copy("HV02", "D:\\src", "E:\\copy", destination_host="HV01")
    assert fs.read_text("HV01", "E:\\copy\\inner\\a.txt") == "hello"
    assert fs.free_space("HV01", "E:\\") == before - GiB - 5
    with pytest.raises(PathExists):
        fs.copy("HV02", "D:\\src", "E:\\copy", destination_host="HV01")
    with pytest.raises(InvalidPath):
        fs.copy("HV02", "D:\\src", "D:\\src\\inner\\again")
    fs.move("HV01", "E:\\copy", "D:\\moved")
    assert fs.free_space("HV01", "E:\\") == before
    assert fs.get_item("HV01", "D:\\moved\\disk.vhdx").vhd.max_size_bytes == 10 * GiB
    fs.rename("HV01", "D:\\moved\\inner\\a.txt", "b.txt")
    assert fs.exists("HV01", "D:\\moved\\inner\\B.TXT")
    with pytest.raises(FolderNotEmpty):
        fs.delete("HV01", "D:\\moved")
    fs.delete("HV01", "D:\\moved", recursive=True)
    assert not fs.exists("HV01", "D:\\moved")


def test_move_across_volumes_checks_space(fs, lab):
    fs.write_file("HV01", "E:\\big.bin", size_bytes=1900 * GiB)
    with pytest.raises(VolumeFull):
        fs.move("HV01", "E:\\big.bin", "D:\\big.bin")
    assert fs.exists("HV01", "E:\\big.bin") and not fs.exists("HV01", "D:\\big.bin")


def test_files_of_vms_are_protected(fs):
    with pytest.raises(FileInUse) as used:
        fs.delete("HV01", "D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx")
    assert used.value.user == "virtual machine 'web01'"
    with pytest.raises(FileInUse):
        fs.delete("FS01", "D:\\Shares", recursive=True)
    with pytest.raises(FileInUse):
        fs.rename("HV01", "D:\\Hyper-V\\web01", "web02")
    with pytest.raises(FileInUse):
        fs.move("HV01", "D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx", "E:\\web01.vhdx")
    with pytest.raises(FileInUse):
        fs.write_text("HV01", "D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx", "oops")
    fs.copy("HV01", "D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx", "E:\\web01-copy.vhdx")
    fs.make_folder("FS01", "D:\\Shares\\Empty")
    fs.write_text("FS01", "D:\\Shares\\Empty\\note.txt", "x")
    fs.lab.shares.append(SmbShare(server="FS01", name="Empty", path="D:\\Shares\\Empty"))
    with pytest.raises(FileInUse, match="share"):
        fs.delete("FS01", "D:\\Shares\\Empty", recursive=True)
