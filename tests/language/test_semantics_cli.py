"""The PowerShell behaviours of shared/reference/powershell-semantics.md that Windows
PowerShell 5.1 shares, each run through the real `pshv` command line with its exact output.

Each case is (item number, script, expected standard output). Error cases also name the
lines their NormalView error block must contain. Scripts run with `pshv -File` (script
scope), except where the item is about the prompt's global scope (`-Command`).
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import cli

CASES: list[tuple[str, str, str]] = [
    ("1 argument mode", """$a = 4
2+2
Write-Output 2+2
Write-Output (2+2)
Write-Output $a+2
Write-Output a$a
Write-Output a'$a'
Write-Output a"$a"
Write-Output a$(2)
Write-Output !1
Write-Output (!1)""", "4\n2+2\n4\n4+2\na4\na$a\na4\na2\n!1\nFalse\n"),
    ("2 member access ends the token", "Write-Output $HOME.Length-more\nWrite-Output $HOME\\x",
     "22\n-more\nC:\\Users\\Administrator\\x\n"),
    ("3 metacharacters", "Write-Output a#b\nWrite-Output a #b", "a#b\na\n"),
    ("4 end of parameters", "Write-Output -- -InputObject", "-InputObject\n"),
    ("5 -Param:value", """function Switch-Item { param ([switch]$On) if ($On) { "Switch on" } else { "Switch off" } }
Switch-Item -On
Switch-Item
Switch-Item -On:$true
Switch-Item -On:$false""", "Switch on\nSwitch off\nSwitch on\nSwitch off\n"),
    ("6 commas build arrays", "function Count-Args { param($Items) $Items.Count }\nCount-Args A,B", "2\n"),
    ("7 backtick continuation", "'Hello' + `\n    ' world'", "Hello world\n"),
    ("9 comments", "1 <# inline #> + 2 # trailing\n<#\nblock\n#>\n3", "3\n3\n"),
    ("10 assignment right side", "$x =\n5\n$x\n$v = if ($true) {1} else {2}; $v\n"
     "$s = switch (2) { 2 { 'two' } }; $s\n$f = foreach ($i in 1..2) { $i * 10 }; $f",
     "5\n1\ntwo\n10\n20\n"),
    ("11 expandable strings", """$i = 5
"The value of $i is $i."
'The value of $i is $i.'
"The value of $(2+3) is 5."
'The value of $(2+3) is 5.'
"The value of `$i is $i." """,
     "The value of 5 is 5.\nThe value of $i is $i.\nThe value of 5 is 5.\nThe value of $(2+3) is 5.\n"
     "The value of $i is 5.\n"),
    ("12 only simple variables expand", "$a = 'abc'; \"$a.Length\"; \"$($a.Length)\"", "abc.Length\n3\n"),
    ("13 braced names", '"${HOME}: where the heart is."', "C:\\Users\\Administrator: where the heart is.\n"),
    ("14 embedded quotes", "\n".join([
        """'As they say, "live and learn."'""",
        '"As they say, ""live and learn."""',
        "'don''t'",
        '"Use a quotation mark (`") to begin a string."',
        """'Use a quotation mark (`") to begin a string.'""",
    ]), 'As they say, "live and learn."\nAs they say, "live and learn."\ndon\'t\n'
        'Use a quotation mark (") to begin a string.\nUse a quotation mark (`") to begin a string.\n'),
    ("15 here-strings", '@"\nFor help, type "Get-Help"\n"@\n@\'\n$not expanded\n\'@',
     'For help, type "Get-Help"\n$not expanded\n'),
    ("16 $OFS", '$array = 1,2,3,4\n[string]$array\n$OFS = "+"\n[string]$array', "1 2 3 4\n1+2+3+4\n"),
    ("17 ToString in strings", "\"hashtable: $(@{ key = 'value' })\"\n$x = 1.2; \"$x\"",
     "hashtable: System.Collections.Hashtable\n1.2\n"),
    ("18 escapes", '"a`tb"; "line`n`nbetween"', "a\tb\nline\n\nbetween\n"),
    # `e and `u{x} came with PowerShell 6: in 5.1 the backtick just keeps the letter.
    ("18 escapes of PowerShell 6 are literal in 5.1", '"`u{2195}"; "`e[32m"', "u{2195}\ne[32m\n"),
    ("20 $global: writes through", '$Global:test = "Local"\n$test', "Local\n"),
    ("21 compound assignment in a child scope", """$x = 1
& { $x += 1; $x }
& { $x = $x + 1; $x }; "Global `$x = $x" """, "1\n2\nGlobal $x = 1\n"),
    ("24 $null on the left", "$a = 1, 2, $null, 4, $null, 6\n$null -ne $a\n$a -ne $null", "True\n1\n2\n4\n6\n"),
    ("25-27 $null and empty", """$value = $null; $value.Count
foreach ($n in $null) { 'never' }
$null | ForEach-Object { Write-Output 'NULL Value' }
function nothing {}
nothing | ForEach-Object { 'x' }
@( @() ).Count
@(nothing).Count
@($null).Count""", "0\nNULL Value\n0\n0\n1\n"),
    ("28-30 truth, ! and scalar indexing", """[bool]"False"; [bool]" "; [bool]0; [bool]$(0); !3
$a=10; if( !$a -eq 10) { $a=1 } else {$a=2};$a
(2)[0]; (2)[-1]; (2)[1] -eq $null""", "True\nTrue\nFalse\nFalse\nFalse\n2\n2\n2\nTrue\n"),
    ("31-33 arrays in comparisons", """1,2,3 -eq 2
'abc', 'def' -ne 'abc'
5,6,7,8,9 -gt 7
$a = (1, 2) -eq 3; $a.GetType().Name; $a.Count
'abc' -eq 'abc', 'def'
'abc' -ne 'abc', 'def'
@(3) -eq 3
$t = 1,2,@(3,4); $t -eq 3
$t -eq 2""", "2\ndef\n8\n9\nObject[]\n0\nFalse\nTrue\n3\n2\n"),
    ("34-35 case and conversion", """'aaa' -ieq 'AAA'; 'aaa' -ne 'AAA'; 'aaa' -cne 'AAA'; 'aaa' -lt 'AAA'; 'aaa' -clt 'AAA'; 'AAA' -cgt 'aaa'
1 -eq '1.0'; '1.0' -eq 1""", "True\nFalse\nTrue\nFalse\nTrue\nTrue\nTrue\nFalse\n"),
    ("36 -like and -match", """'PowerShell' -like '*shell'; 'PowerShell' -like 'Power[p-w]hell'; 'PowerShell' -like 'shell'; 'PowerShell' -match 'shell'
'PowerShell', 'Server' -like '*shell'
'Bag','Beg','Big','Bog','Bug' -match 'b[iou]g'""", "True\nTrue\nFalse\nTrue\nPowerShell\nBig\nBog\nBug\n"),
    ("37 $Matches", """$string = 'The last logged on user was CONTOSO\\jsmith'
$string -match 'was (?<domain>.+)\\\\(?<user>.+)'

$Matches

Write-Output "`nDomain name:"
$Matches.domain

Write-Output "`nUser name:"
$Matches.user""", """True

Name                           Value
----                           -----
domain                         CONTOSO
user                           jsmith
0                              was CONTOSO\\jsmith


Domain name:
CONTOSO

User name:
jsmith
"""),
    ("38 -contains and -in", """'abc', 'def' -contains 'def'
'Windows', 'PowerShell' -contains 'Shell'
'abc', 'def', 'ghi' -contains 'abc', 'def'
'def' -in 'abc', 'def'""", "True\nFalse\nFalse\nTrue\n"),
    ("39 -replace", """'book' -ireplace 'B', 'C'
'book' -creplace 'B', 'C'
'Hello World' -replace '(\\w+) \\w+', '$1 Universe'
'5.72' -replace '(.+)', '$$$1'
'Contoso.local\\John.Doe' -replace '^(?<DomainName>[\\w-.]+)\\\\(?<Username>[\\w-.]+)$', '${Username}@${DomainName}'""",
     "Cook\nbook\nHello Universe\n$5.72\nJohn.Doe@Contoso.local\n"),
    ("40 -is", "$a = 1; $b = '1'; $a -is [int]; $b -isnot [int]; $a -is $b.GetType()", "True\nTrue\nFalse\n"),
    ("41 left operand decides", """"file" + 16
$array = 1,2,3; $array + 16
"file" * 3""", "file16\n1\n2\n3\n16\nfilefilefile\n"),
    ("42 widening", """2 + 3.1
(512MB).GetType().FullName
(512MB * 512MB).GetType().FullName
([int32]::MinValue + [uint32]::MaxValue).GetType().FullName""", "5.1\nSystem.Int32\nSystem.Double\nSystem.Int64\n"),
    ("43 division and rounding", """6 / 2
1 / 1.9
[int]( 5 / 2 )
[int]( 7 / 2 )
1 / [int]1.9
[int][Math]::Round(5 / 2,[MidpointRounding]::AwayFromZero)
[int][Math]::Floor(5 / 2)""", "3\n0.526315789473684\n2\n4\n0.5\n3\n2\n"),
    ("44 number literals", "1kb; 0x10Gb; 0xFF; 0xFFFFFFFF; 0x80000000; (0x100000000).GetType().Name; .01; 5e2",
     "1024\n17179869184\n255\n-1\n-2147483648\nInt64\n0.01\n500\n"),
    ("45 doubles print with 15 digits", '1.1 * 3; "$(1.1 * 3)"; 1.1 * 6; 1/3', "3.3\n3.3\n6.6\n0.333333333333333\n"),
    ("46 @() and unary comma", '@("Hello World").Count; @().Count\n$SingleArray = ,1; $SingleArray.Count\n'
     "Write-Output (,1)", "1\n0\n1\n1\n"),
    ("47 output is unrolled", """function Test-Return { $array = 1,2,3; return $array }
Test-Return | Measure-Object""", "\nCount    : 3\nAverage  :\nSum      :\nMaximum  :\nMinimum  :\nProperty :\n\n"),
    ("48 index ranges", """$a = 0..9
$a[-3..-1] -join ' '
$a[-1..-3] -join ' '
$a[2..-2] -join ' '
$a[0,2+4..6] -join ' '""", "7 8 9\n9 8 7\n2 1 0 9 8\n0 2 4 5 6\n"),
    ("49 += copies the array", '$a = 1,2,3; $a += 2; $a -join " "\n$a += "String"; $a -join " "',
     "1 2 3 2\n1 2 3 2 String\n"),
    ("50 .ForEach() and .Where()", """("one", "two", "three").ForEach("ToUpper")
(0..9).Where({ $_ % 2 }) -join ' '
('hi', '', 'there').Where({ $_ }) -join ' '
(1..50).Where({$_ -gt 10}, 'Until') -join ' '""", "ONE\nTWO\nTHREE\n1 3 5 7 9\nhi there\n1 2 3 4 5 6 7 8 9 10\n"),
    ("51 $null flows through the pipeline", '"one", $null, "three" | ForEach-Object {"Hello " + $_}\n'
     '$a = "one", $null, "three"; $a.Count', "Hello one\nHello \nHello three\n3\n"),
    ("52 -join and -split", """1 -join '-'
"Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune" -split ",", 5
'a-b-c' -split '(-)'""", "1\nMercury\nVenus\nEarth\nMars\nJupiter,Saturn,Uranus,Neptune\na\n-\nb\n-\nc\n"),
    ("53 ranges count down", "(10..1) -join ','\n(5..-5) -join ','",
     "10,9,8,7,6,5,4,3,2,1\n5,4,3,2,1,0,-1,-2,-3,-4,-5\n"),
    ("54 ordered hashtables", "[ordered]@{ 1 = 'one'; 2 = 'two'; 'three' = 3 }",
     "\nName                           Value\n----                           -----\n1                              one\n"
     "2                              two\nthree                          3\n\n"),
    ("55 hashtable keys ignore case", "$h = @{ Name = 1 }; $h.name; $h['NAME']", "1\n1\n"),
    ("56 adding hashtables", "$h = @{a=1} + @{b=2}; $h.Count; $h.b", "2\n2\n"),
    ("57 [pscustomobject] keeps key order", "[pscustomobject]@{ System = 'Server Core'; Name = 'Server30'; PSVersion = '4.0' }",
     "\nSystem      Name     PSVersion\n------      ----     ---------\nServer Core Server30 4.0\n\n"),
    ("58 five properties make a list", "[pscustomobject]@{ a = 1; b = 2; c = 3; d = 4; e = 5 }",
     "\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\n"),
    ("59 Select-Object makes new objects", "@{ name = 'a' ; weight = 7 } | Select-Object -Property name, weight",
     "\nname weight\n---- ------\na         7\n\n"),
    ("60 -f", """"{0} {1,-10} {2:N}" -f 1,"hello",[Math]::PI
"{0:00} {1:000} {2:000000}" -f 7, 24, 365
"{0} vs. {{0}}" -f 'foo'""", "1 hello      3.14\n07 024 000365\nfoo vs. {0}\n"),
    ("61 Format-Table shape", '[PSCustomObject]@{a=123;b="abc"} | Format-Table | Out-String',
     "\n  a b\n  - -\n123 abc\n\n\n"),
    ("63 Write-Host", """Write-Host "no newline test " -NoNewline; Write-Host "second string"
Write-Host (2,4,6,8,10,12) -Separator ", +2= "
$x = Write-Host hi
"x is [$x]" """, "no newline test second string\n2, +2= 4, +2= 6, +2= 8, +2= 10, +2= 12\nhi\nx is []\n"),
    ("64 Measure-Object -Line", '"One`nTwo`nThree" | Measure-Object -Line',
     "\nLines Words Characters Property\n----- ----- ---------- --------\n    3\n\n"),
    ("65 Sort-Object -Stable order and -Unique", "(1..20 | Sort-Object {$_ % 3}) -join ' '\n"
     '("a","b","c","a","A","a" | Select-Object -Unique) -join " "',
     "3 6 9 12 15 18 1 4 7 10 13 16 19 2 5 8 11 14 17 20\na b c A\n"),
    ("66 Select-Object paging", "(1..20 | Select-Object -First 3 -Last 3 -Skip 4) -join ' '", "5 6 7 18 19 20\n"),
    ("67 switch tests every clause",
     """switch (3) { 1 {"It's one."} 2 {"It's two."} 3 {"It's three."} 4 {"It's four."} 3 {"Three again."} }""",
     "It's three.\nThree again.\n"),
    ("68 switch over an array", """switch (1,4,-1,3,"Hello",2,1) {
    {$_ -lt 0}           { continue }
    {$_ -isnot [int32]}  { break }
    {$_ % 2}             { "$_ is Odd" }
    {-not ($_ % 2)}      { "$_ is Even" }
}
switch (1,2,3) { 2 { continue } default { $_ } }""", "1 is Odd\n4 is Even\n3 is Odd\n1\n3\n"),
    ("69 switch modes", """switch ("fourteen") { 1 {"one"} "fo*" {"That's too many."} default { "No matches" } }
switch -Wildcard ("fourteen") { 1 {"one"} "fo*" {"That's too many."} default { "No matches" } }
switch -Regex ("https://bing.com") { "^(?<proto>\\w+)://" { "$_ is a web address that uses $($Matches.proto)" } }
switch ("Test") { { $_ -is [string] } { "Found a string" } "Test" { "This $_ executes as well" } }""",
     "No matches\nThat's too many.\nhttps://bing.com is a web address that uses https\nFound a string\n"
     "This Test executes as well\n"),
    ("71 ForEach-Object blocks", """1..2 | ForEach-Object { 'begin' } { 'process' }
1..2 | ForEach-Object { 'begin' } { 'process A' } { 'process B' } { 'end' }
1, 2, $null, 4 | ForEach-Object {"Hello"}
"Microsoft.PowerShell.Core" | ForEach-Object -MemberName Split -ArgumentList "." """,
     "begin\nprocess\nprocess\nbegin\nprocess A\nprocess B\nprocess A\nprocess B\nend\nHello\nHello\nHello\nHello\n"
     "Microsoft\nPowerShell\nCore\n"),
    ("72 Where-Object simplified syntax",
     "$items = [pscustomobject]@{State='Running'}, [pscustomobject]@{State='Off'}\n"
     "($items | Where-Object State -eq Running).State\n($items | where State -EQ 'Off').State", "Running\nOff\n"),
    ("73 all output is the function's output", """function Calculation { param ($Value) "Please wait. Working on calculation..."; $Value += 73; return $Value }
$a = Calculation 14
$a
function MultiplyEven { param($Number) if ($Number % 2) { return "$Number is not even" }; $Number * 2 }
1..4 | ForEach-Object {MultiplyEven -Number $_}""",
     "Please wait. Working on calculation...\n87\n1 is not even\n4\n3 is not even\n8\n"),
    ("74 defaults, positions, $args", """function Add-Extension { param ([string]$Name,[string]$Extension = "txt") "$Name.$Extension" }
Add-Extension -Name "File"
Add-Extension "File" "doc"
function Get-Extension { $name = $args[0] + ".txt"; $name }
Get-Extension myTextFile""", "File.txt\nFile.doc\nmyTextFile.txt\n"),
    ("77 splatting", """function Test1 { param($a, $b, $c) "a = $a"; "b = $b"; "c = $c" }
function Test2 { param($a, $b, $c) Test1 @PSBoundParameters; Test1 -b $PSBoundParameters.b -c $PSBoundParameters.c }
Test2 -a 1 -b 2 -c 3
$h = @{ a = 'x'; c = 'z' }; Test1 @h
$arr = 'p', 'q'; Test1 @arr""", "a = 1\nb = 2\nc = 3\na = \nb = 2\nc = 3\na = x\nb = \nc = z\na = p\nb = q\nc = \n"),
    ("78 try and non-terminating errors", """try { Write-Error 'This is non-terminating' -ErrorAction SilentlyContinue; Write-Output 'Execution continues' } catch { "Caught: $_" }
try { Write-Error 'This becomes terminating' -ErrorAction Stop } catch { "Caught: $_" }""",
     "Execution continues\nCaught: This becomes terminating\n"),
    ("79 $ErrorActionPreference SilentlyContinue", """$ErrorActionPreference = 'SilentlyContinue'
Write-Error -Message 'Test Error' ; Write-Host 'Hello World'""", "Hello World\n"),
    ("80 catch", """try { NonsenseString } catch { "An error occurred." }
try { NonsenseString } catch [System.SystemException] { $_.Exception.GetType().FullName }
try { 1/0 } catch [System.DivideByZeroException] { "divide by zero" }
try { throw "x" } catch [System.Net.WebException],[System.IO.IOException] { "io" } catch { "other: $_" }""",
     "An error occurred.\nSystem.Management.Automation.CommandNotFoundException\ndivide by zero\nother: x\n"),
    ("83 trap with continue", "function f { trap { 'Error trapped'; continue }; 1/0; 'End of function' }\nf",
     "Error trapped\nEnd of function\n"),
    ("88 -WhatIf and ShouldProcess", """function Test-ShouldProcess { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('TARGET')) { 'did it' } }
Test-ShouldProcess -WhatIf
Test-ShouldProcess
function T2 { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('TARGET','OPERATION')) { 'did it' } }
T2 -WhatIf
function T3 { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('MESSAGE','TARGET','OPERATION')) { 'did it' } }
T3 -WhatIf""", 'What if: Performing the operation "Test-ShouldProcess" on target "TARGET".\ndid it\n'
               'What if: Performing the operation "OPERATION" on target "TARGET".\nWhat if: MESSAGE\n'),
]

ERROR_CASES: list[tuple[str, str, str, list[str]]] = [
    ("41 16 + 'file'", '16 + "file"\n"next"', "next\n", [
        'Cannot convert value "file" to type "System.Int32". Error: "Input string was not in a correct format."',
        "At {script}:1 char:1", "+ 16 + \"file\"", "+ ~~~~~~~~~~~",
        "    + CategoryInfo          : InvalidArgument: (:) [], RuntimeException",
        "    + FullyQualifiedErrorId : InvalidCastFromStringToInteger"]),
    ("56 duplicate hashtable key", "$hash1 = @{a=1; c=2}; $hash2 = @{c=3}\n$hash1 + $hash2",
     "", ["Item has already been added. Key in dictionary: 'c'  Key being added: 'c'", "+ $hash1 + $hash2",
          "+ ~~~~~~~~~~~~~~~"]),
    ("56 hashtable plus number", "$hash1 = @{a=1}\n$hash1 + 2", "",
     ["A hash table can only be added to another hash table.",
      "    + FullyQualifiedErrorId : AddHashTableToNonHashTable"]),
    ("75 missing mandatory parameter", """function Test-MrParameterValidation { [CmdletBinding()] param([Parameter(Mandatory)][string]$ComputerName) $ComputerName }
Test-MrParameterValidation
'next'""", "next\n", [
        "Test-MrParameterValidation : Cannot process command because of one or more missing mandatory parameters: "
        "ComputerName.", "+ Test-MrParameterValidation", "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~",
        "    + CategoryInfo          : InvalidArgument: (:) [Test-MrParameterValidation], ParameterBindingException",
        "    + FullyQualifiedErrorId : MissingMandatoryParameter,Test-MrParameterValidation"]),
    ("76 unknown parameter", "function f { [CmdletBinding()] param($Name) $Name }\nf -Bogus 1", "", [
        "f : A parameter cannot be found that matches parameter name 'Bogus'.",
        "    + FullyQualifiedErrorId : NamedParameterNotFound,f"]),
    ("76 missing argument", "function f { [CmdletBinding()] param($Name) $Name }\nf -Name", "", [
        "f : Missing an argument for parameter 'Name'. Specify a parameter of type 'System.Object' and try again."]),
    ("78 non-terminating error continues", "Write-Error 'This is non-terminating'; Write-Output 'Execution continues'",
     "Execution continues\n", ["Write-Error : This is non-terminating",
                                "    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException"]),
    ("79 $ErrorActionPreference Stop", """$ErrorActionPreference = 'Stop'
Write-Error -Message 'Test Error' ; Write-Host 'Hello World'""", "", ["Write-Error : Test Error"]),
    ("79 Stop in a simple script block", "& { $ErrorActionPreference = 'Stop'; 1/0; 'after' }", "",
     ["Attempted to divide by zero.", "    + CategoryInfo          : NotSpecified: (:) [], RuntimeException",
      "    + FullyQualifiedErrorId : RuntimeException"]),
    ("81 unknown command", "nonsense\n'next statement runs'", "next statement runs\n", [
        "nonsense : The term 'nonsense' is not recognized as the name of a cmdlet, function, script file, or operable program.",
        "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
        "    + CategoryInfo          : ObjectNotFound: (nonsense:String) [], CommandNotFoundException",
        "    + FullyQualifiedErrorId : CommandNotFoundException"]),
    ("82 throw", 'throw "This is an error."', "", [
        "This is an error.", "+ throw \"This is an error.\"",
        "    + CategoryInfo          : OperationStopped: (This is an error.:String) [], RuntimeException",
        "    + FullyQualifiedErrorId : This is an error."]),
    ("82 bare throw", "throw", "", ["ScriptHalted", "    + FullyQualifiedErrorId : ScriptHalted"]),
    ("82 throw an exception object", "throw (New-Object System.FormatException)", "", [
        "One of the identified items was in an invalid format.",
        "    + CategoryInfo          : OperationStopped: (:) [], FormatException"]),
    ("83 trap resumes with the next statement", """trap { 'An error occurred!'}
foreach ($x in 3..-1) { "1/$x = "; "`t$(1/$x)" }
'after loop'""", "1/3 = \n\t0.333333333333333\n1/2 = \n\t0.5\n1/1 = \n\t1\n1/0 = \nAn error occurred!\nafter loop\n",
     ["Attempted to divide by zero.", '+ foreach ($x in 3..-1) { "1/$x = "; "`t$(1/$x)" }',
      "+                                         ~~~~"]),
    ("84 $?", """function Test-WriteError
{
    Write-Error "Bad"
    "The `$? variable is: $?"
}

Test-WriteError
"Now the `$? variable is: $?\"""", "The $? variable is: False\nNow the $? variable is: True\n", [
        "Test-WriteError : Bad", "At {script}:7 char:1", "+ Test-WriteError",
        "    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException",
        "    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,Test-WriteError"]),
]


def _run_script(tmp_path, text: str):
    script = tmp_path / "case.ps1"
    script.write_text(text, encoding="utf-8")
    return cli("-NoProfile", "-File", str(script))


@pytest.mark.parametrize("item, text, expected", CASES, ids=[case[0] for case in CASES])
def test_semantics(tmp_path, item, text, expected):
    result = _run_script(tmp_path, text)
    assert result.stderr == ""
    assert result.stdout == expected
    assert result.returncode == 0


@pytest.mark.parametrize("item, text, expected, error_lines", ERROR_CASES, ids=[case[0] for case in ERROR_CASES])
def test_error_semantics(tmp_path, item, text, expected, error_lines):
    result = _run_script(tmp_path, text)
    assert result.stdout == expected
    shown = result.stderr.splitlines()
    for line in error_lines:
        if "{script}" in line:  # the script's path as the lab shows it: some drive, then case.ps1
            pattern = re.escape(line).replace(re.escape("{script}"), r"[A-Z]:\\\S*case\.ps1")
            assert any(re.fullmatch(pattern, shown_line) for shown_line in shown), f"{line!r} not in:\n{result.stderr}"
        else:
            assert line in shown, f"{line!r} not in:\n{result.stderr}"


def test_dot_sourcing_and_private_scope(tmp_path):
    """Items 22 and 23: dot-sourcing runs a script in the caller's scope, `&` in its own;
    `$private:` hides a variable from child scopes."""
    (tmp_path / "helper.ps1").write_text("function Get-Helped { \"helped $args\" }\n$fromHelper = 'set'\n")
    result = _run_script(tmp_path, """& .\\helper.ps1
"after &: [$fromHelper]"
. .\\helper.ps1
Get-Helped x
"after dot-sourcing: [$fromHelper]"
function funcA { $private:x = 'A-private'; $y = 'A'; funcB }
function funcB { "x in B: [$x] y in B: [$y]" }
funcA""")
    assert result.stdout == ("after &: []\nhelped x\nafter dot-sourcing: [set]\nx in B: [] y in B: [A]\n")


def test_write_host_overtakes_a_pending_table(tmp_path):
    """Item 62: tables wait for their group to end; Write-Host text and strings do not."""
    result = _run_script(tmp_path, "Write-Host '1'; Write-Output '2'; Get-Location; Write-Host '4'; Write-Output '5'")
    assert result.stdout.splitlines()[:3] == ["1", "2", "4"]
    assert result.stdout.splitlines()[-1] == "5"
    assert "Path" in result.stdout.splitlines()[4]


def test_break_in_foreach_object_ends_the_script(tmp_path):
    """Item 70: `break` in a ForEach-Object block looks for an enclosing loop; with none, the
    script ends."""
    result = _run_script(tmp_path, "1..3 | ForEach-Object { if ($_ -eq 2) { break }; $_ }\n'not reached'")
    assert result.stdout == "1\n"
    assert result.returncode == 0


def test_global_scope_of_command_line():
    """Item 19/22: -Command runs at the prompt's (global) scope; a script's own scope is its own."""
    result = cli("-NoProfile", "-Command", '$test = "Global"; & { $test = "Local"; "local $test, global $Global:test" }; $test')
    assert result.stdout == "local Local, global Global\nGlobal\n"


def test_parse_error_stops_the_script_before_anything_runs(tmp_path):
    """Item 87: a parse error in a script file is shown with the file's position, and nothing
    of the script runs."""
    result = _run_script(tmp_path, "'this would print'\n$x = \n")
    assert result.stdout == ""
    assert result.returncode == 1
    assert result.stderr.splitlines()[:4] == [
        "At S:\\case.ps1:2 char:5", "+ $x =", "+     ~",
        "You must provide a value expression following the '=' operator."]
    assert "    + FullyQualifiedErrorId : ExpectedValueExpression" in result.stderr.splitlines()


def test_terminating_error_sets_exit_code():
    assert cli("-c", "throw 'x'").returncode == 1
    assert cli("-c", "exit 7").returncode == 7
    assert cli("-c", "'fine'").returncode == 0
