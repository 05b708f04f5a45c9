"""Help records for the core (Microsoft.PowerShell.*, CimCmdlets, NetTCPIP) cmdlets."""

from __future__ import annotations

from . import H

_OBJ = ("System.Management.Automation.PSObject",)

HELP = {
    # ----------------------------------------------------------------- output streams
    "Write-Output": H(
        "Sends objects down the pipeline.",
        "Write-Output passes each object to the next command in the pipeline, or to the console when it is "
        "the last command. A collection is sent one element at a time unless -NoEnumerate is used.",
        ("Example 1: Send a string down the pipeline", 'Write-Output "web01" | Get-VM',
         "Passes the name web01 to Get-VM, which binds it to its Name parameter."),
        parameters={"InputObject": "The objects to send.", "NoEnumerate": "Sends a collection as one object."},
        inputs=_OBJ, outputs=_OBJ, links=("Write-Host", "Write-Verbose")),
    "Write-Host": H(
        "Writes text straight to the console.",
        "Write-Host shows text on the console (the information stream) without sending anything down the "
        "pipeline. Colors and separators can be chosen.",
        ("Example 1: Show progress text in color", 'Write-Host "Migrating web01..." -ForegroundColor Yellow',
         "Shows the text in yellow; nothing is written to the pipeline."),
        inputs=("System.Object",), links=("Write-Output",)),
    "Write-Error": H(
        "Writes a non-terminating error record.",
        "Write-Error adds an error to the error stream ($Error) and shows it, without stopping the script "
        "unless -ErrorAction Stop is in effect.",
        ("Example 1: Report a failure", 'Write-Error "Host HV09 is not reachable."',
         "Writes an error record with the given message."),
        inputs=("System.String",), links=("Write-Warning",)),
    "Write-Warning": H(
        "Writes a warning message.",
        "Write-Warning writes text to the warning stream; the console shows it prefixed with WARNING:. "
        "$WarningPreference and -WarningAction decide whether it is shown.",
        inputs=("System.String",), links=("Write-Verbose",)),
    "Write-Verbose": H(
        "Writes a verbose message.",
        "Write-Verbose writes text to the verbose stream. It is shown (prefixed with VERBOSE:) only when "
        "-Verbose is used or $VerbosePreference is Continue.",
        inputs=("System.String",), links=("Write-Debug",)),
    "Write-Debug": H(
        "Writes a debug message.",
        "Write-Debug writes text to the debug stream, shown with the DEBUG: prefix when -Debug is used or "
        "$DebugPreference is Continue.",
        inputs=("System.String",), links=("Write-Verbose",)),
    "Write-Information": H(
        "Writes a message to the information stream.",
        "Write-Information writes to the information stream; the console shows it when "
        "$InformationPreference or -InformationAction is Continue.",
        links=("Write-Host",)),
    "Write-Progress": H(
        "Shows a progress bar.",
        "Write-Progress reports the progress of a long operation. Interactive consoles draw it; when the "
        "shell runs a script without a console, nothing is shown.",
        links=("Write-Host",)),
    # ----------------------------------------------------------------- formatting and output
    "Out-Null": H("Discards its input.", "Out-Null swallows every object it receives instead of showing it.",
                  inputs=_OBJ),
    "Out-String": H(
        "Turns objects into the text the console would show.",
        "Out-String formats its input with the default views and returns the text as one string, or one "
        "string per line with -Stream.", inputs=_OBJ, outputs=("System.String",)),
    "Out-Host": H("Sends output to the console.", "Out-Host formats its input and writes it to the console.",
                  inputs=_OBJ),
    "Out-Default": H(
        "Sends output to the default formatter and the console.",
        "Out-Default is what the shell adds at the end of every pipeline: it formats objects with their "
        "default views.", inputs=_OBJ),
    "Format-Table": H(
        "Shows objects as a table.",
        "Format-Table lays out the chosen properties (or the type's default view) as columns.",
        ("Example 1: Choose the columns", "Get-VM | Format-Table Name, State, MemoryAssigned -AutoSize",
         "Shows three columns sized to their content."),
        inputs=_OBJ, links=("Format-List",)),
    "Format-List": H(
        "Shows each object as a list of properties.",
        "Format-List shows every chosen property of each object on its own line; -Property * shows them all.",
        ("Example 1: See every property of a VM", "Get-VM web01 | Format-List *",
         "Lists all properties of the VM web01."),
        inputs=_OBJ, links=("Format-Table",)),
    "Out-File": H(
        "Writes formatted output to a file.",
        "Out-File writes the text the console would show into a file of the lab's file system (or of the "
        "output folder mounted as X:).", inputs=_OBJ, links=("Set-Content",)),
    "Out-GridView": H(
        "Shows objects in a grid window.",
        "The emulator has no windows: Out-GridView passes objects through when -PassThru or -OutputMode is "
        "given, as if all rows had been selected, and otherwise reports that it cannot show a window.",
        inputs=_OBJ),
    "Tee-Object": H(
        "Saves pipeline output in a file or variable and passes it on.",
        "Tee-Object copies each object into a variable or a file and also sends it down the pipeline.",
        inputs=_OBJ, outputs=_OBJ),
    # ----------------------------------------------------------------- CSV and JSON
    "Export-Csv": H("Saves objects as comma-separated values in a file.",
                    "Export-Csv writes one row per object, with a header line of property names.",
                    inputs=_OBJ, links=("Import-Csv",)),
    "Import-Csv": H("Reads a CSV file into custom objects.",
                    "Import-Csv makes one object per row, with a property per column.",
                    outputs=("System.Object",), links=("Export-Csv",)),
    "ConvertTo-Csv": H("Converts objects to CSV lines.", "ConvertTo-Csv returns the CSV text as strings.",
                       inputs=_OBJ, outputs=("System.String",)),
    "ConvertFrom-Csv": H("Converts CSV lines to custom objects.",
                         "ConvertFrom-Csv makes one object per CSV row.", inputs=("System.String",)),
    "ConvertTo-Json": H("Converts objects to JSON text.",
                        "ConvertTo-Json serializes objects to JSON, two levels deep unless -Depth says otherwise.",
                        inputs=("System.Object",), outputs=("System.String",)),
    "ConvertFrom-Json": H("Converts JSON text to custom objects.",
                          "ConvertFrom-Json turns JSON objects into PSCustomObjects and arrays into arrays.",
                          inputs=("System.String",)),
    # ----------------------------------------------------------------- object cmdlets
    "Select-Object": H(
        "Selects properties of objects, or some of the objects.",
        "Select-Object makes new objects with chosen (or calculated) properties, or keeps the first, last, "
        "unique or skipped objects.",
        ("Example 1: The three VMs using the most memory",
         "Get-VM | Sort-Object MemoryAssigned -Descending | Select-Object -First 3 Name, MemoryAssigned",
         "Sorts the VMs by memory and keeps the first three, with two properties each."),
        inputs=_OBJ, outputs=_OBJ, wildcards=("Property", "ExcludeProperty")),
    "Sort-Object": H("Sorts objects by property values.",
                     "Sort-Object orders its input by one or more properties or script blocks.",
                     inputs=_OBJ, outputs=_OBJ),
    "Get-Unique": H("Drops adjacent duplicates from a sorted list.",
                    "Get-Unique returns each value once when equal values are next to each other.",
                    inputs=_OBJ, outputs=_OBJ),
    "Group-Object": H("Groups objects that share a property value.",
                      "Group-Object returns one group per distinct value, with its count and members.",
                      inputs=_OBJ),
    "Measure-Object": H("Counts objects and computes sums, averages, minimums and maximums.",
                        "Measure-Object measures numeric properties or the lines, words and characters of text.",
                        inputs=_OBJ),
    "Compare-Object": H("Compares two sets of objects.",
                        "Compare-Object shows which objects are only in the reference set (<=) or only in the "
                        "difference set (=>).", inputs=_OBJ),
    "New-Object": H("Creates an instance of a .NET type or a custom object.",
                    "New-Object creates objects of the types the emulator knows, or a PSObject with the "
                    "properties given in -Property.", outputs=("System.Object",)),
    "Add-Member": H("Adds properties and methods to an object.",
                    "Add-Member adds note, script and alias properties or script methods to an object.",
                    inputs=_OBJ),
    "Get-Member": H("Lists the properties and methods of objects.",
                    "Get-Member shows the members of each distinct type in its input.",
                    ("Example 1: What a VM object offers", "Get-VM web01 | Get-Member -MemberType Property",
                     "Lists the properties of the VirtualMachine object."),
                    inputs=_OBJ, wildcards=("Name",)),
    "Add-Type": H("Adds a .NET type to the session.",
                  "The emulator cannot compile code: Add-Type reports that it is not supported, except for the "
                  "assemblies it already emulates."),
    # ----------------------------------------------------------------- dates, timing, random
    "Get-Date": H("Gets the current date and time, or a given one.",
                  "Get-Date returns a DateTime from the lab's simulated clock, or formats it with -Format.",
                  outputs=("System.DateTime", "System.String")),
    "New-TimeSpan": H("Creates a time interval.",
                      "New-TimeSpan returns a TimeSpan from days, hours, minutes and seconds, or between two dates.",
                      outputs=("System.TimeSpan",)),
    "Start-Sleep": H("Waits a number of seconds or milliseconds.",
                     "Start-Sleep advances the lab's simulated clock instead of waiting in real time, so "
                     "migrations in progress move on while the script sleeps."),
    "Measure-Command": H("Measures how long a script block takes.",
                         "Measure-Command runs the block and returns the simulated time it took as a TimeSpan.",
                         outputs=("System.TimeSpan",)),
    "Get-Random": H("Gets a random number or random items from a collection.",
                    "Get-Random draws from a seeded generator, so runs are repeatable; -SetSeed chooses the seed."),
    # ----------------------------------------------------------------- variables and aliases
    "Get-Variable": H("Gets variables of the current scope.", "Get-Variable lists variables by name or pattern.",
                      wildcards=("Name",)),
    "Set-Variable": H("Sets the value of a variable, creating it if needed.",
                      "Set-Variable assigns a value and can make a variable read-only or constant."),
    "New-Variable": H("Creates a variable.", "New-Variable creates a variable and fails if it already exists."),
    "Remove-Variable": H("Deletes a variable.", "Remove-Variable removes variables from a scope.",
                         wildcards=("Name",)),
    "Clear-Variable": H("Empties a variable.", "Clear-Variable sets a variable's value to $null.",
                        wildcards=("Name",)),
    "Get-Alias": H("Gets aliases.", "Get-Alias lists aliases by name, or those that point to a command.",
                   wildcards=("Name",)),
    "Set-Alias": H("Creates or changes an alias.", "Set-Alias points an alias at a command."),
    "New-Alias": H("Creates an alias.", "New-Alias creates an alias and fails if it already exists."),
    # ----------------------------------------------------------------- host and session
    "Read-Host": H("Reads a line typed at the console.",
                   "Read-Host prompts the user; when the shell runs without a console it fails as a "
                   "non-interactive PowerShell does.", outputs=("System.String",)),
    "pause": H("Waits for Enter.", "pause prints 'Press Enter to continue...:' and waits for a line of input."),
    "Clear-Host": H("Clears the console.", "Clear-Host clears the screen of an interactive console."),
    "Get-Host": H("Gets the host object.", "Get-Host returns the object that describes the console host."),
    "Invoke-Expression": H("Runs a string as a command.",
                           "Invoke-Expression parses and runs the text in the current scope.",
                           inputs=("System.String",)),
    "Set-StrictMode": H("Turns strict coding rules on or off.",
                        "Set-StrictMode makes reading unset variables, missing properties and similar mistakes "
                        "fail."),
    "Set-PSDebug": H("Turns script tracing and strict mode on or off.",
                     "Set-PSDebug -Strict works like Set-StrictMode -Version 1; -Off turns it off."),
    "Get-Credential": H("Asks for a user name and password.",
                        "Get-Credential returns a PSCredential; without a console it fails as a non-interactive "
                        "PowerShell does.", outputs=("System.Management.Automation.PSCredential",)),
    # ----------------------------------------------------------------- pipeline
    "Where-Object": H(
        "Keeps the objects for which a condition holds.",
        "Where-Object passes on the input objects for which the script block (or the comparison in the "
        "simplified syntax) is true.",
        ("Example 1: Running VMs", "Get-VM | Where-Object State -eq 'Running'",
         "Keeps the VMs whose State is Running."),
        inputs=_OBJ, outputs=("System.Object",)),
    "ForEach-Object": H(
        "Runs a script block for each input object.",
        "ForEach-Object runs its script block once per object with $_ set to the object, or reads a "
        "property or calls a method with the simplified syntax.",
        ("Example 1: Move every VM of a host",
         "Get-VM -ComputerName HV01 | ForEach-Object { Move-VM $_ -DestinationHost HV02 }",
         "Live-migrates each VM of HV01 to HV02, one after another."),
        inputs=_OBJ, outputs=("System.Object",)),
    # ----------------------------------------------------------------- locations and items
    "Set-Location": H("Changes the current location.", "Set-Location changes the current folder or drive.",
                      links=("Get-Location",)),
    "Get-Location": H("Gets the current location.", "Get-Location returns the current path.",
                      outputs=("System.Management.Automation.PathInfo",)),
    "Push-Location": H("Saves the current location on a stack and changes to another.",
                       "Push-Location remembers where you are; Pop-Location brings you back."),
    "Pop-Location": H("Returns to the location saved last.", "Pop-Location changes to the location on top of "
                      "the stack and removes it."),
    "Get-Item": H("Gets a file or folder.", "Get-Item returns the item at a path of the lab's file systems.",
                  wildcards=("Path",)),
    "Get-ChildItem": H("Lists the items in a folder.", "Get-ChildItem lists files and folders, optionally "
                       "recursively and filtered.", wildcards=("Path", "Include", "Exclude")),
    "Test-Path": H("Tells whether a path exists.", "Test-Path returns $true when the path exists.",
                   outputs=("System.Boolean",)),
    "New-Item": H("Creates a file or folder.", "New-Item creates an item in the lab's file systems."),
    "Remove-Item": H("Deletes files and folders.", "Remove-Item deletes items; folders with content need -Recurse.",
                     wildcards=("Path",)),
    "Copy-Item": H("Copies files and folders.", "Copy-Item copies items, within the lab or to the mounted output "
                   "folder."),
    "Move-Item": H("Moves files and folders.", "Move-Item moves or renames items."),
    "Rename-Item": H("Renames an item.", "Rename-Item gives an item a new name in the same folder."),
    "Join-Path": H("Joins path parts.", "Join-Path combines a parent path and a child path.",
                   outputs=("System.String",)),
    "Split-Path": H("Returns part of a path.", "Split-Path returns the parent, leaf, qualifier or extension of a "
                    "path.", outputs=("System.String",)),
    "Resolve-Path": H("Resolves wildcards and relative paths.", "Resolve-Path returns the full paths a path "
                      "stands for.", wildcards=("Path",)),
    "Convert-Path": H("Converts a path to a provider path.", "Convert-Path returns the file-system path of a "
                      "PowerShell path.", outputs=("System.String",)),
    "Get-PSDrive": H("Gets the drives of the session.", "Get-PSDrive lists the drives of the current computer "
                     "with their used and free space."),
    "Get-Content": H("Reads the lines of a file.", "Get-Content returns a file's text, one string per line.",
                     outputs=("System.String",), wildcards=("Path",)),
    "Set-Content": H("Writes text to a file, replacing it.", "Set-Content writes values as lines of text."),
    "Add-Content": H("Appends text to a file.", "Add-Content adds lines at the end of a file."),
    "Clear-Content": H("Empties a file.", "Clear-Content removes a file's content but keeps the file."),
    "Start-Process": H("Starts a program.", "The emulator runs no programs: Start-Process reports that it is "
                       "not supported."),
    "Test-Connection": H("Pings computers.", "Test-Connection answers from the lab's network model: lab hosts "
                         "reply, unknown names fail."),
    "Test-NetConnection": H("Tests a network connection to a computer.", "Test-NetConnection checks name "
                            "resolution and reachability of a lab host, optionally on a TCP port."),
    "Invoke-WebRequest": H("Sends an HTTP request.", "The emulator has no network access: Invoke-WebRequest "
                           "reports that it is not supported."),
    "Invoke-RestMethod": H("Sends a request to a REST service.", "The emulator has no network access: "
                           "Invoke-RestMethod reports that it is not supported."),
    "Get-WinEvent": H("Gets events from event logs.", "Get-WinEvent reads the lab's event logs: what each host "
                      "logged about migrations (started, completed, failed and why).",
                      outputs=("System.Diagnostics.Eventing.Reader.EventLogRecord",)),
    # ----------------------------------------------------------------- CIM sessions
    "New-CimSession": H("Creates a CIM session to a computer.",
                        "New-CimSession connects to a lab host; Hyper-V cmdlets accept the session through "
                        "-CimSession.", outputs=("Microsoft.Management.Infrastructure.CimSession",)),
    "Get-CimSession": H("Gets the CIM sessions of the session.", "Get-CimSession lists the open CIM sessions."),
    "Remove-CimSession": H("Closes CIM sessions.", "Remove-CimSession closes and forgets CIM sessions."),
    # ----------------------------------------------------------------- discovery, help, modules
    "Get-Command": H(
        "Gets the commands of the session.",
        "Get-Command lists aliases, functions and cmdlets, filtered by name, verb, noun, module or type; "
        "-Syntax shows how to call a command.",
        ("Example 1: The Hyper-V migration commands", "Get-Command -Module Hyper-V -Noun VM*Migration*",
         "Lists the Hyper-V cmdlets whose noun mentions migration."),
        ("Example 2: How to call Move-VM", "Get-Command Move-VM -Syntax",
         "Shows one syntax line per parameter set."),
        outputs=("System.Management.Automation.CommandInfo",), wildcards=("Name", "Verb", "Noun", "Module")),
    "Get-Help": H(
        "Shows help about commands and concepts.",
        "Get-Help shows the help of a cmdlet, function or about_ topic. -Detailed adds parameter "
        "descriptions and examples, -Full adds the parameter attributes, -Examples shows only examples. "
        "Get-Help about_Pshv explains the emulator itself.",
        ("Example 1: Learn about the emulator", "Get-Help about_Pshv", "Shows the emulator's own help topic."),
        ("Example 2: Examples of Move-VM", "Get-Help Move-VM -Examples", "Shows only the examples."),
        wildcards=("Name",)),
    "Import-Module": H(
        "Adds a module to the session.",
        "Import-Module loads one of the modules the emulator provides (Hyper-V, FailoverClusters, the "
        "Microsoft.PowerShell modules); other names fail because no module file exists for them.",
        ("Example 1: Load the Hyper-V module", "Import-Module Hyper-V", "Loads the Hyper-V cmdlets."),
        outputs=("System.Management.Automation.PSModuleInfo",)),
    "Get-Module": H("Gets the loaded or the available modules.",
                    "Get-Module lists the modules of the session; -ListAvailable lists every module the emulator "
                    "provides.", outputs=("System.Management.Automation.PSModuleInfo",), wildcards=("Name",)),
    "Remove-Module": H("Removes modules from the session.", "Remove-Module unloads modules loaded in the session.",
                       inputs=("System.Management.Automation.PSModuleInfo",)),
    # ----------------------------------------------------------------- remoting
    "Invoke-Command": H(
        "Runs commands on local or remote computers.",
        "Invoke-Command runs a script block locally, or on lab hosts through -ComputerName or -Session. "
        "While the block runs, $env:COMPUTERNAME is the remote host, so Hyper-V cmdlets act on that host; "
        "$using:name reads a variable of the caller.",
        ("Example 1: Enable live migration on two hosts",
         "Invoke-Command -ComputerName HV01, HV02 -ScriptBlock { Enable-VMMigration }",
         "Runs Enable-VMMigration on each host."),
        ("Example 2: Pass a value with $using:", '$max = 4\n'
         'Invoke-Command -ComputerName HV02 { Set-VMHost -MaximumVirtualMachineMigrations $using:max }',
         "Uses the caller's $max inside the remote block."),
        parameters={"ComputerName": "The lab hosts to run the command on.",
                    "ScriptBlock": "The commands to run.",
                    "Session": "Sessions made with New-PSSession to run the command in.",
                    "ArgumentList": "Values for the script block's parameters (or $args)."},
        inputs=_OBJ, outputs=("System.Management.Automation.PSObject",), links=("New-PSSession", "Enter-PSSession")),
    "New-PSSession": H("Creates a persistent connection to a computer.",
                       "New-PSSession opens a session to a lab host for Invoke-Command or Enter-PSSession.",
                       outputs=("System.Management.Automation.Runspaces.PSSession",),
                       links=("Get-PSSession", "Remove-PSSession")),
    "Get-PSSession": H("Gets the sessions of the session.", "Get-PSSession lists the sessions made with "
                       "New-PSSession.", outputs=("System.Management.Automation.Runspaces.PSSession",)),
    "Remove-PSSession": H("Closes sessions.", "Remove-PSSession closes sessions and frees them.",
                          inputs=("System.Management.Automation.Runspaces.PSSession",)),
    "Enter-PSSession": H(
        "Starts an interactive session with a computer.",
        "Enter-PSSession makes the following commands run on a lab host; the prompt shows the host name "
        "in brackets until Exit-PSSession.", links=("Exit-PSSession",)),
    "Exit-PSSession": H("Ends an interactive session.", "Exit-PSSession returns to the local computer.",
                        links=("Enter-PSSession",)),
    # ----------------------------------------------------------------- transcripts
    "Start-Transcript": H(
        "Records the session's console output in a file.",
        "Start-Transcript writes a header and then everything the console shows into a text file, until "
        "Stop-Transcript.", ("Example 1: Record a migration run", "Start-Transcript -Path X:\\run.txt",
                             "Records the console output in run.txt of the mounted output folder."),
        outputs=("System.String",), links=("Stop-Transcript",)),
    "Stop-Transcript": H("Stops the transcript.", "Stop-Transcript ends the transcript started by "
                         "Start-Transcript.", outputs=("System.String",), links=("Start-Transcript",)),
    # ----------------------------------------------------------------- jobs
    "Start-Job": H(
        "Runs a script block as a background job.",
        "Start-Job runs the script block as a BackgroundJob and returns the job at once; its output, errors "
        "and other streams are kept for Receive-Job. The job has one child job (the next Id) that holds its "
        "results. Moves started in the block (Move-VM, Move-VMStorage) run on the lab clock: the job stays "
        "Running until they end, and the moves of several jobs run at the same time, within the hosts' "
        "migration limits. $using:name reads a variable of the caller; -ArgumentList and piped input reach "
        "the block as its parameters (or $args) and $input.",
        ("Example 1: Move two VMs and their storage at the same time",
         "$jobs = foreach ($vm in 'app01', 'test01') { Start-Job { Move-VM $using:vm HV02 -IncludeStorage } }\n"
         "$jobs | Wait-Job | Receive-Job",
         "Starts both moves, waits until both jobs have finished and shows what they wrote."),
        ("Example 2: Pass values to the job", "$j = Start-Job { param($vm, $to) Move-VM $vm $to } -ArgumentList "
         "app01, HV02 -Name mover", "Starts a job named mover whose block receives app01 and HV02."),
        parameters={"ScriptBlock": "The commands to run in the job.",
                    "Name": "A name for the job (default: Job followed by its Id).",
                    "InitializationScript": "Commands run before the script block, in the same scope (to define "
                                            "functions, for instance).",
                    "ArgumentList": "Values for the script block's parameters (or $args).",
                    "InputObject": "Input for the script block, read through $input."},
        inputs=("System.Object",), outputs=("System.Management.Automation.PSRemotingJob",),
        notes="In the emulator the block runs in this shell, at once: statements after a move in the same block "
              "run before the move has ended, and Start-Sleep in a block lets lab time pass for the whole shell. "
              "-FilePath, -LiteralPath, -DefinitionName, -Credential, -Authentication, -RunAs32 and -PSVersion "
              "are not supported.",
        links=("Get-Job", "Wait-Job", "Receive-Job", "Stop-Job", "Remove-Job", "Start-ThreadJob")),
    "Start-ThreadJob": H(
        "Runs a script block as a thread job.",
        "Start-ThreadJob (ThreadJob module) runs the script block as a ThreadJob, with Location PowerShell. "
        "Unlike Start-Job it makes no child job: the job holds its own results. Moves started in the block "
        "run on the lab clock as they do in Start-Job.",
        ("Example 1: A job with a helper function",
         "Start-ThreadJob -InitializationScript { function Twice($x) { 2 * $x } } -ScriptBlock { Twice 21 } | "
         "Receive-Job -Wait", "Defines Twice before the block runs and receives 42."),
        parameters={"ScriptBlock": "The commands to run in the job.",
                    "Name": "A name for the job (default: Job followed by its Id).",
                    "InitializationScript": "Commands run before the script block, in the same scope.",
                    "ArgumentList": "Values for the script block's parameters (or $args).",
                    "InputObject": "Input for the script block, read through $input."},
        inputs=("System.Object",), outputs=("ThreadJob.ThreadJob",),
        notes="-FilePath, -ThrottleLimit and -StreamingHost are not supported.",
        links=("Start-Job", "Receive-Job")),
    "Get-Job": H(
        "Gets the jobs of the session.",
        "Get-Job lists the session's jobs (from Start-Job, Start-ThreadJob and the -AsJob parameter of "
        "Move-VM and Move-VMStorage), or those chosen by Id, name, instance id, state or command. Their state "
        "follows the lab clock: a job that waits for a migration is Running until the migration ends.",
        ("Example 1: Jobs still running", "Get-Job -State Running", "Lists the jobs that have not finished."),
        ("Example 2: The child jobs too", "Get-Job -Name mover -IncludeChildJob",
         "Shows the job named mover followed by its child job."),
        parameters={"Id": "The session ids of the jobs to get.",
                    "Name": "The names of the jobs to get; wildcards are allowed.",
                    "State": "Gets only the jobs in this state.",
                    "Command": "Gets the jobs whose command matches (wildcards allowed).",
                    "IncludeChildJob": "Writes each job's child jobs after it.",
                    "ChildJobState": "With -IncludeChildJob, only the child jobs in this state.",
                    "HasMoreData": "Gets only the jobs whose HasMoreData is this value.",
                    "Before": "Gets the jobs that ended before this date.",
                    "After": "Gets the jobs that ended after this date.",
                    "Newest": "Gets only this many jobs, the most recently started first."},
        wildcards=("Name", "Command"), outputs=("System.Management.Automation.Job",),
        links=("Start-Job", "Wait-Job", "Receive-Job")),
    "Wait-Job": H(
        "Waits until jobs have finished.",
        "Wait-Job lets lab time pass until the chosen jobs are Completed, Failed or Stopped, then writes them. "
        "With -Any it writes the first job that finishes; with -Timeout it gives up after that many (lab) "
        "seconds and then writes nothing.",
        ("Example 1: Wait for every job", "Get-Job | Wait-Job", "Waits until all the session's jobs have ended."),
        ("Example 2: At most a minute", "Wait-Job -Name mover -Timeout 60",
         "Waits up to 60 seconds of lab time for the job named mover."),
        parameters={"Job": "The jobs to wait for.", "Id": "The session ids of the jobs to wait for.",
                    "Name": "The names of the jobs to wait for.",
                    "Any": "Returns as soon as one of the jobs has finished.",
                    "Timeout": "The longest wait, in seconds; -1 waits without limit.",
                    "Force": "Accepted for compatibility."},
        inputs=("System.Management.Automation.Job",), outputs=("System.Management.Automation.Job",),
        links=("Start-Job", "Receive-Job")),
    "Receive-Job": H(
        "Gets the results of jobs.",
        "Receive-Job writes what the jobs have produced so far: output to the pipeline, and their errors, "
        "warnings, verbose, debug and information messages to the matching streams. Received results are "
        "removed from the job unless -Keep is used. For a job with child jobs the results come from the "
        "children.",
        ("Example 1: Wait for a job and get its results", "Receive-Job -Name mover -Wait -AutoRemoveJob",
         "Waits for the job, writes its results and removes it."),
        ("Example 2: Look without taking", "Receive-Job $j -Keep",
         "Shows the results and leaves them in the job for later."),
        parameters={"Job": "The jobs whose results to get.", "Id": "The session ids of the jobs.",
                    "Name": "The names of the jobs.", "Keep": "Leaves the results in the job.",
                    "Wait": "Waits until the job has finished before returning; cannot be used with -Keep.",
                    "AutoRemoveJob": "With -Wait, removes the job once its results are received.",
                    "NoRecurse": "Gets the results of the job itself, not of its child jobs.",
                    "WriteJobInResults": "Writes the job object before its results."},
        inputs=("System.Management.Automation.Job",), outputs=_OBJ,
        notes="-ComputerName and -Session are not supported: the emulator's jobs run in this session.",
        links=("Start-Job", "Wait-Job")),
    "Stop-Job": H(
        "Stops jobs.",
        "Stop-Job stops running jobs; their state becomes Stopped. A migration the job was waiting for is "
        "cancelled, so the virtual machine stays on its source.",
        ("Example 1: Stop a move", "Stop-Job -Name mover", "Stops the job and cancels the move it started."),
        parameters={"Job": "The jobs to stop.", "Id": "The session ids of the jobs to stop.",
                    "Name": "The names of the jobs to stop.", "PassThru": "Writes the stopped jobs."},
        inputs=("System.Management.Automation.Job",), outputs=("System.Management.Automation.Job",),
        links=("Start-Job", "Remove-Job")),
    "Remove-Job": H(
        "Deletes jobs.",
        "Remove-Job deletes jobs and their results from the session. A job that has not finished is removed "
        "only with -Force, which stops it first; child jobs go with their parent.",
        ("Example 1: Remove the finished jobs", "Get-Job -State Completed | Remove-Job",
         "Deletes every completed job."),
        parameters={"Job": "The jobs to remove.", "Id": "The session ids of the jobs to remove.",
                    "Name": "The names of the jobs to remove.", "Force": "Removes jobs that are still running."},
        inputs=("System.Management.Automation.Job",), links=("Get-Job", "Stop-Job")),
}
