"""Add-Member without -PassThru on objects that are not PSObjects (instance members).

Windows PowerShell 5.1 keeps the members of a reference-type object in a table keyed by the
object (PSObject's instance-member "resurrection" table), so the object itself shows them
afterwards everywhere; a string's members are keyed by its PSObject wrapper and a value
type's by a box, so those keep them only in the -PassThru output (Add-Member help, -PassThru:
"when the input object is a string, Add-Member cannot add the member to the input object").
"""

from tests.conftest import cli, ps


def out(text):
    result = ps(text)
    assert not result.errors, [e.message for e in result.errors]
    return result.output


VM_WITH_TARGET = "$vm = Get-VM app01; $vm | Add-Member -NotePropertyName Target -NotePropertyValue HV02\n"


# --------------------------------------------------------------------------- the five cases


def test_hyperv_object_keeps_the_member():
    assert out(VM_WITH_TARGET + "$vm.Target") == ["HV02"]


def test_string_keeps_it_only_in_the_passthru_output():
    assert out('$s = "abc"; Add-Member -InputObject $s -NotePropertyName X -NotePropertyValue 1; $s.X') == [None]
    assert out('$s = "abc"; $s | Add-Member -NotePropertyName X -NotePropertyValue 1; $null -eq $s.X') == [True]
    assert out('$s = "abc"; $s = Add-Member -InputObject $s -NotePropertyName X -NotePropertyValue 1 -PassThru; '
               '$s.X; $s.ToUpper()') == [1, "ABC"]


def test_hashtable_keeps_the_member_beside_its_keys():
    assert out("$h = @{a=1}; $h | Add-Member -NotePropertyName N -NotePropertyValue 5; $h.N") == [5]
    assert out("$h = @{a=1}; $h | Add-Member -NotePropertyName N -NotePropertyValue 5; "
               "$h.Count; @($h.Keys); $h.ContainsKey('N'); $h.a") == [1, "a", False, 1]


def test_empty_arraylist_keeps_the_member():
    assert out("$l = New-Object System.Collections.ArrayList; "
               "Add-Member -InputObject $l -NotePropertyName Q -NotePropertyValue 7; $l.Q") == [7]
    assert out("$l = New-Object System.Collections.ArrayList; "
               "Add-Member -InputObject $l -NotePropertyName Q -NotePropertyValue 7; [void]$l.Add(1); $l.Q") == [7]


def test_value_types_lose_the_member_without_passthru():
    assert out("$i = 5; Add-Member -InputObject $i -NotePropertyName Z -NotePropertyValue 1; $i.Z") == [None]
    assert out("$d = Get-Date; $d | Add-Member -NotePropertyName Z -NotePropertyValue 1; $null -eq $d.Z") == [True]
    assert out("$b = $true; $b | Add-Member -NotePropertyName Z -NotePropertyValue 1; $null -eq $b.Z") == [True]
    assert out("$i = 5; $r = Add-Member -InputObject $i -NotePropertyName Z -NotePropertyValue 1 -PassThru; "
               "$r.Z; $r + 1") == [1, 6]


# --------------------------------------------------------------------------- -PassThru, -Force, identity


def test_passthru_output_shares_the_objects_members():
    assert out(VM_WITH_TARGET + "$p = $vm | Add-Member -NotePropertyName Rack -NotePropertyValue 4 -PassThru; "
               "$p.Rack; $vm.Rack; $p.Target; $p.Name") == [4, 4, "HV02", "app01"]
    assert out("$o = [pscustomobject]@{a=1}; $p = $o | Add-Member -NotePropertyName b -NotePropertyValue 2 -PassThru; "
               "$p.b; $o.b; [object]::ReferenceEquals($o, $p)") == [2, 2, True]


def test_existing_member_needs_force():
    result = ps(VM_WITH_TARGET + "$vm | Add-Member -NotePropertyName Target -NotePropertyValue HV03; $vm.Target")
    assert [error.fully_qualified_error_id for error in result.errors] == [
        "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand"]
    assert result.output == ["HV02"]
    assert out(VM_WITH_TARGET + "$vm | Add-Member -NotePropertyName Target -NotePropertyValue HV03 -Force; "
               "$vm.Target") == ["HV03"]
    # PowerShell's own test: a second Add-Member of the same name on an array fails
    result = ps('$a = @(1,2); Add-Member -InputObject $a -NotePropertyName ABC -NotePropertyValue "Value1"; '
                'Add-Member -InputObject $a -NotePropertyName ABC -NotePropertyValue "Value2"; $a.ABC')
    assert result.output == ["Value1"]
    assert result.errors[0].message.startswith('Cannot add a member with the name "ABC" because a member')


def test_members_follow_identity_not_equality():
    assert out("$a = @{k=1}; $b = @{k=1}; $a | Add-Member -NotePropertyName N -NotePropertyValue 1; "
               "$a.N; $null -eq $b.N") == [1, True]
    assert out("$a = 1,2; $b = 1,2; Add-Member -InputObject $a -NotePropertyName N -NotePropertyValue 1; "
               "$a.N; $null -eq $b.N; $c = $a; $c.N") == [1, True, 1]
    # a new array is a new object, as `+=` makes one
    assert out("$a = 1,2; Add-Member -InputObject $a -NotePropertyName N -NotePropertyValue 1; $a += 3; "
               "$null -eq $a.N") == [True]


def test_setting_the_member_through_the_object():
    assert out(VM_WITH_TARGET + "$vm.Target = 'HV04'; $vm.Target; $vm.PSObject.Properties['Target'].Value") == [
        "HV04", "HV04"]


# --------------------------------------------------------------------------- where members show


def test_get_member_lists_the_note_property():
    result = ps(VM_WITH_TARGET + "$vm | Get-Member -MemberType NoteProperty")
    assert not result.errors
    assert result.stdout == (
        "\n\n   TypeName: Microsoft.HyperV.PowerShell.VirtualMachine\n\n"
        "Name   MemberType   Definition\n"
        "----   ----------   ----------\n"
        "Target NoteProperty string Target=HV02\n\n")


def test_format_list_shows_the_note_property():
    result = ps(VM_WITH_TARGET + "$vm | Format-List Name, Target")
    assert result.stdout == "\nName   : app01\nTarget : HV02\n\n"
    assert "Target" in out(VM_WITH_TARGET + "($vm | Format-List * | Out-String)")[0]


def test_select_csv_json_and_psobject_show_the_note_property():
    assert out(VM_WITH_TARGET + "($vm | Select-Object *).Target; ($vm | Select-Object Name, Target).Target") == [
        "HV02", "HV02"]
    assert out(VM_WITH_TARGET + "$vm | Select-Object Name, Target | ConvertTo-Csv -NoTypeInformation") == [
        '"Name","Target"', '"app01","HV02"']
    assert out(VM_WITH_TARGET + "($vm | ConvertTo-Json -Depth 1 -Compress) -match '\"Target\":\"HV02\"'") == [True]
    assert out(VM_WITH_TARGET + "$vm.PSObject.Properties.Match('Target').Count; "
               "$vm.PSObject.BaseObject.GetType().Name") == [1, "VirtualMachine"]
    # Get-VM makes new objects, as the Hyper-V module does: they have no Target
    assert out(VM_WITH_TARGET + "$null -eq (Get-VM app01).Target; @($vm, (Get-VM web01)).Target") == [True, "HV02"]


def test_script_members_and_type_names_are_kept():
    assert out("$vm = Get-VM app01\n"
               "$vm | Add-Member -MemberType ScriptProperty -Name MemoryGB -Value { $this.MemoryStartup / 1GB }\n"
               "$vm | Add-Member -MemberType ScriptMethod -Name Describe -Value { \"$($this.Name) on $($this.ComputerName)\" }\n"
               "$vm | Add-Member -MemberType AliasProperty -Name VMName2 -Value Name\n"
               "$vm | Add-Member -TypeName Contoso.MovableVM -NotePropertyName Target -NotePropertyValue HV02\n"
               "$vm.MemoryGB; $vm.Describe(); $vm.VMName2; $vm.PSTypeNames[0]; $vm.State.ToString()") == [
        8, "app01 on HV01", "app01", "Contoso.MovableVM", "Running"]


def test_cli_script_shows_the_member():
    result = cli("-NoProfile", "-Command", VM_WITH_TARGET + "$vm | Format-List Name, Target; $vm.Target")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "\nName   : app01\nTarget : HV02\n\nHV02\n"


# --------------------------------------------------------------------------- binding and lifetime


def test_empty_array_binds_to_a_mandatory_object_parameter():
    assert out("function f { param([Parameter(Mandatory)]$a) $a.Count }; f -a @()") == [0]
    result = ps("function g { param([Parameter(Mandatory)][string[]]$a) $a }; g -a @()")
    assert result.errors[0].fully_qualified_error_id == "ParameterArgumentValidationErrorEmptyArrayNotAllowed,g"


def test_members_of_dead_objects_are_dropped():
    loop = ("1..3000 | % { @{k=$_} | Add-Member -NotePropertyName N -NotePropertyValue $_ }\n"
            "1..3000 | % { Add-Member -InputObject @($_, 1) -NotePropertyName N -NotePropertyValue $_ }\n"
            "1..3000 | % { @{k=$_} | Add-Member -MemberType ScriptMethod -Name M -Value { 1 } }\n"
            "$global:keep = @{k=0}; $keep | Add-Member -NotePropertyName N -NotePropertyValue 42\n")
    from pshv.runtime.host import CaptureHost
    from pshv.shell import create_session

    session = create_session(CaptureHost())
    session.run_script(loop)
    mine = getattr(session.ctx, "instance_members", None)
    assert mine is not None and len(mine.records) < 100  # not 9000: dead objects' members are gone
    assert session.run_script("$keep.N", collect=True).output == [42]


def test_a_finished_session_leaves_no_instance_members_behind():
    import gc

    from pshv.runtime import instance_members, method_support

    script = ("$vm = Get-VM app01\n"
              "$vm | Add-Member -MemberType ScriptMethod -Name Describe -Value { $this.Name }\n"
              "$vm | Add-Member -NotePropertyName Self -NotePropertyValue $vm\n"
              "$a = 1,2; Add-Member -InputObject $a -NotePropertyName Self -NotePropertyValue $a\n"
              "$vm.Describe(); $a.Self.Count\n")
    gc.collect()
    before = len(instance_members.INDEX)
    for _ in range(3):
        assert out(script) == ["app01", 2]
    gc.collect()
    assert len(instance_members.INDEX) <= before
    # method calls on .NET objects do not pile up in the arity cache (it kept every closure)
    cached = len(method_support._ARITY)
    assert out("$sb = New-Object System.Text.StringBuilder; foreach ($i in 1..500) { [void]$sb.Append('x') }; "
               "$sb.Length") == [500]
    assert len(method_support._ARITY) < cached + 10
