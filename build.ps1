#!/usr/bin/env pwsh
# Slipway bootstrapper for Windows PowerShell 5.1 and PowerShell 7+; behaves like build.sh:
# (re)builds build/_build.csproj only when its inputs changed, then runs build/bin/_build.dll.
#   .\build.ps1 [Target...] [--param value]
#   SLIPWAY_FORCE_BUILD=1 rebuilds, SLIPWAY_NO_BUILD=1 never builds, DOTNET_EXE picks the dotnet.
# No param() block on purpose: every argument (even -Verbose) must reach the build program via $args.

$ErrorActionPreference = 'Stop'
$ScriptArgs = $args

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
$env:DOTNET_CLI_UI_LANGUAGE = 'en'

$Root = $PSScriptRoot
$BuildProject = 'build/_build.csproj'
$BuildDll = Join-Path $Root 'build/bin/_build.dll'
$RuntimeConfig = Join-Path $Root 'build/bin/_build.runtimeconfig.json'
$TempDir = Join-Path $Root '.nuke/temp'
# Same stamp as build.sh (sorted input list; its mtime is the build's start time), so a checkout
# shared by Windows and WSL does not rebuild just because the other script built last.
$Stamp = Join-Path $TempDir 'bootstrap.stamp'
$InputFolders = @('build', 'src')
$InputFiles = @('global.json', 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', 'NuGet.config', 'nuget.config')
$OnWindows = ($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows
$Utf8NoBom = New-Object System.Text.UTF8Encoding $false

function Write-Note([string]$Message) { [Console]::Error.WriteLine("build.ps1: $Message") }

function Stop-Script([int]$Code, [string]$Message) {
    [Console]::Error.WriteLine("build.ps1: error: $Message")
    exit $Code
}

function Test-True([string]$Value) { return @('1', 'true', 'yes', 'on') -contains "$Value".ToLowerInvariant() }

# --- global.json ---------------------------------------------------------------------------------------
$PolicyNames = @('disable', 'patch', 'feature', 'minor', 'major', 'latestPatch', 'latestFeature', 'latestMinor', 'latestMajor')

function ConvertTo-SdkVersion([string]$Text) {
    if (-not ($Text -match '^(\d+)\.(\d+)\.(\d+)(?:-([^+]*))?(?:\+.*)?$')) { return $null }
    return [pscustomobject]@{
        Text = $Text; Major = [int]$Matches[1]; Minor = [int]$Matches[2]; Patch = [int]$Matches[3]
        Pre = $(if ($Matches[4]) { $Matches[4] } else { '' })
    }
}

function Read-GlobalJson {
    $result = [pscustomobject]@{ Version = $null; RollForward = 'latestPatch'; AllowPrerelease = $true }
    $path = Join-Path $Root 'global.json'
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { return $result }
    # Windows PowerShell's parser rejects comments the .NET host accepts: then let dotnet judge.
    try { $json = [IO.File]::ReadAllText($path) | ConvertFrom-Json }
    catch { Write-Note "warning: cannot read global.json ($($_.Exception.Message)); skipping the SDK check"; return $result }
    $sdk = $json.sdk
    if ($null -eq $sdk) { return $result }
    if ($sdk.allowPrerelease -eq $false) { $result.AllowPrerelease = $false }
    if ($sdk.rollForward) {
        # The host matches policy names case-insensitively (-eq does too).
        $name = $PolicyNames | Where-Object { $_ -eq $sdk.rollForward } | Select-Object -First 1
        if (-not $name) { Stop-Script 1 "global.json: unsupported sdk.rollForward '$($sdk.rollForward)'" }
        $result.RollForward = $name
    }
    if ($sdk.version) {
        $result.Version = ConvertTo-SdkVersion $sdk.version
        if (-not $result.Version) { Stop-Script 1 "global.json: sdk.version '$($sdk.version)' is not a valid SDK version" }
        if ($result.Version.Pre) { $result.AllowPrerelease = $true }
    }
    return $result
}

# Same rule as the host: the components the policy pins must match, and installed >= requested.
function Test-SdkAcceptable($Required, [string]$Installed) {
    $r = $Required.Version
    $v = ConvertTo-SdkVersion $Installed
    if (-not $v) { return $false }
    if ($v.Pre -and -not $Required.AllowPrerelease) { return $false }
    switch ($Required.RollForward) {
        'disable' { return $Installed -eq $r.Text }
        { $_ -in 'patch', 'latestPatch' } {
            if ($v.Major -ne $r.Major -or $v.Minor -ne $r.Minor -or [math]::Floor($v.Patch / 100) -ne [math]::Floor($r.Patch / 100)) { return $false }
        }
        { $_ -in 'feature', 'latestFeature' } { if ($v.Major -ne $r.Major -or $v.Minor -ne $r.Minor) { return $false } }
        { $_ -in 'minor', 'latestMinor' } { if ($v.Major -ne $r.Major) { return $false } }
    }
    if ($v.Major -ne $r.Major) { return $v.Major -gt $r.Major }
    if ($v.Minor -ne $r.Minor) { return $v.Minor -gt $r.Minor }
    if ($v.Patch -ne $r.Patch) { return $v.Patch -gt $r.Patch }
    # Same numbers: a release beats its prereleases; prerelease labels compare as text (approximation).
    if (-not $v.Pre) { return $true }
    if (-not $r.Pre) { return $false }
    return [string]::CompareOrdinal($v.Pre, $r.Pre) -ge 0
}

function Get-RequirementText($Required) {
    $r = $Required.Version
    if (-not $r) { return 'any .NET SDK' }
    switch ($Required.RollForward) {
        'disable' { $text = "exactly $($r.Text)" }
        { $_ -in 'patch', 'latestPatch' } { $text = "$($r.Text) or a later patch in the $($r.Major).$($r.Minor).$([math]::Floor($r.Patch / 100))xx feature band" }
        { $_ -in 'feature', 'latestFeature' } { $text = "$($r.Text) or a later $($r.Major).$($r.Minor) feature band" }
        { $_ -in 'minor', 'latestMinor' } { $text = "$($r.Text) or a later $($r.Major).x version" }
        default { $text = "$($r.Text) or later" }
    }
    return "$text (global.json: version $($r.Text), rollForward $($Required.RollForward))"
}

# Only called before a build: `dotnet --list-sdks` is too slow to run on every start.
function Assert-Sdk {
    $required = Read-GlobalJson
    if (-not $required.Version) { return }
    # Local 'Continue': Windows PowerShell turns native stderr into terminating errors under 'Stop'.
    $ErrorActionPreference = 'Continue'
    $installed = @(& $Dotnet --list-sdks 2>$null | ForEach-Object { ("$_" -split ' ')[0] } | Where-Object { $_ })
    $ErrorActionPreference = 'Stop'
    foreach ($version in $installed) { if (Test-SdkAcceptable $required $version) { return } }
    $have = if ($installed.Count) { $installed -join ', ' } else { 'no SDKs installed' }
    Stop-Script 1 ("this repository needs .NET SDK $(Get-RequirementText $required), but $Dotnet has $have. " +
        'Install a matching SDK from https://dot.net, or set DOTNET_EXE to a dotnet that has one.')
}

# --- dotnet ----------------------------------------------------------------------------------------------
function Find-Dotnet {
    $exe = if ($OnWindows) { 'dotnet.exe' } else { 'dotnet' }
    $missing = $null
    if ($env:DOTNET_EXE) {
        if (Test-Path -LiteralPath $env:DOTNET_EXE -PathType Leaf) { return $env:DOTNET_EXE }
        $missing = "DOTNET_EXE is set to '$env:DOTNET_EXE', which is not an executable file"
    }
    else {
        $command = Get-Command $exe -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($command) { return $command.Path }
        $candidates = @()
        if ($env:DOTNET_ROOT) { $candidates += Join-Path $env:DOTNET_ROOT $exe }
        if ($OnWindows) {
            if ($env:LOCALAPPDATA) { $candidates += Join-Path $env:LOCALAPPDATA "Microsoft/dotnet/$exe" }
            if ($env:ProgramFiles) { $candidates += Join-Path $env:ProgramFiles "dotnet/$exe" }
        }
        else {
            if ($HOME) { $candidates += Join-Path $HOME ".dotnet/$exe" }
            $candidates += '/usr/share/dotnet/dotnet', '/usr/lib/dotnet/dotnet'
        }
        foreach ($candidate in $candidates) { if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate } }
        $missing = 'dotnet was not found (looked at DOTNET_EXE, PATH, DOTNET_ROOT and the default install folders)'
    }
    Stop-Script 1 ("$missing. Install .NET SDK $(Get-RequirementText (Read-GlobalJson)) from https://dot.net " +
        '(this script never downloads it), or set DOTNET_EXE to the dotnet executable.')
}

# --- Up-to-date check ---------------------------------------------------------------------------------
# Lists input files like build.sh's `find` (relative, '/'-separated, bin/obj pruned, ordinal sort) and
# remembers the newest one. Symlinked folders are not followed, as `find` does not follow them.
function Add-InputFolder($State, [IO.DirectoryInfo]$Folder, [string]$Relative) {
    foreach ($entry in $Folder.EnumerateFileSystemInfos()) {
        $path = "$Relative/$($entry.Name)"
        if ($entry -is [IO.DirectoryInfo]) {
            if ($entry.Name -ceq 'bin' -or $entry.Name -ceq 'obj') { continue }
            if ($entry.Attributes -band [IO.FileAttributes]::ReparsePoint) { continue }
            Add-InputFolder $State $entry $path
        }
        else { Add-InputFile $State $entry $path }
    }
}

function Add-InputFile($State, [IO.FileInfo]$File, [string]$Relative) {
    $State.Paths.Add($Relative)
    if ($File.LastWriteTimeUtc -gt $State.NewestTime) {
        $State.NewestTime = $File.LastWriteTimeUtc
        $State.Newest = $Relative
    }
}

function Get-BuildInputs {
    $state = [pscustomobject]@{
        Paths = New-Object 'System.Collections.Generic.List[string]'; Newest = $null; NewestTime = [DateTime]::MinValue
    }
    foreach ($name in $InputFolders) {
        $folder = New-Object IO.DirectoryInfo (Join-Path $Root $name)
        if ($folder.Exists) { Add-InputFolder $state $folder $name }
    }
    foreach ($name in $InputFiles) {
        $file = New-Object IO.FileInfo (Join-Path $Root $name)
        if ($file.Exists) { Add-InputFile $state $file $name }
    }
    $state.Paths.Sort([StringComparer]::Ordinal)
    return $state
}

# Returns why a build is needed, or $null when build/bin is up to date.
function Get-BuildReason {
    if (Test-True $env:SLIPWAY_FORCE_BUILD) { return 'SLIPWAY_FORCE_BUILD is set' }
    if (-not [IO.File]::Exists($BuildDll) -or -not [IO.File]::Exists($RuntimeConfig)) { return 'build/bin/_build.dll is missing' }
    if (-not [IO.File]::Exists($Stamp)) { return 'no successful build recorded' }
    $inputs = Get-BuildInputs
    # Edits show up as a newer mtime; added, deleted or renamed files as a different list.
    if ($inputs.NewestTime -gt [IO.File]::GetLastWriteTimeUtc($Stamp)) { return "inputs changed: $($inputs.Newest)" }
    if ([string]::Join("`n", $inputs.Paths.ToArray()) -cne [IO.File]::ReadAllText($Stamp)) { return 'inputs changed: files added or removed' }
    return $null
}

function Invoke-BuildProject([string]$Reason) {
    Write-Note "building $BuildProject ($Reason)"
    Assert-Sdk
    # Drop the stamp first: a concurrent warm start must not trust it while bin/ is being rewritten,
    # and a failed build must be retried next time.
    if ([IO.File]::Exists($Stamp)) { [IO.File]::Delete($Stamp) }
    # The time reference comes from the file system's clock, taken before the inputs are listed,
    # so edits made during the build trigger the next one.
    $ref = Join-Path $TempDir 'bootstrap.ref'
    if ([IO.File]::Exists($ref)) { [IO.File]::Delete($ref) }
    [IO.File]::WriteAllText($ref, '')
    $refTime = [IO.File]::GetLastWriteTimeUtc($ref)
    [IO.File]::Delete($ref)
    $inputs = Get-BuildInputs

    # Output is captured: `dotnet build` prints a summary even with -v:q -clp:NoSummary (SDK 10).
    # 'Continue' because Windows PowerShell turns redirected native stderr into errors under 'Stop'.
    Push-Location -LiteralPath $Root
    $ErrorActionPreference = 'Continue'
    try {
        $output = @(& $Dotnet build $BuildProject --nologo -v:q -clp:NoSummary 2>&1 | ForEach-Object { "$_" })
        $code = $LASTEXITCODE
    }
    finally {
        $ErrorActionPreference = 'Stop'
        Pop-Location
    }
    [IO.File]::WriteAllLines((Join-Path $TempDir 'bootstrap.log'), [string[]]$output)
    if ($code -ne 0) {
        # MSBuild repeats every error in its summary; show each line once.
        $seen = New-Object 'System.Collections.Generic.HashSet[string]'
        foreach ($line in $output) {
            if (-not $line.Trim() -or $seen.Add($line)) { [Console]::Error.WriteLine($line) }
        }
        Stop-Script $code "building $BuildProject failed (exit code $code); fix the errors above and run again."
    }
    $output | Where-Object { $_ -match ': warning [A-Z]+\d+' } | Select-Object -Unique | ForEach-Object { [Console]::Error.WriteLine($_) }

    $tmp = "$Stamp.tmp"
    [IO.File]::WriteAllText($tmp, [string]::Join("`n", $inputs.Paths.ToArray()), $Utf8NoBom)
    [IO.File]::SetLastWriteTimeUtc($tmp, $refTime)
    if ([IO.File]::Exists($Stamp)) { [IO.File]::Delete($Stamp) }
    [IO.File]::Move($tmp, $Stamp)
    # An input dated in the future stays "newer" than every stamp and would rebuild on every run.
    if ($inputs.NewestTime -gt [DateTime]::UtcNow) {
        Write-Note "warning: $($inputs.Newest) has a modification time in the future (clock skew?); builds will repeat until it is touched."
    }
}

$Dotnet = Find-Dotnet
$env:DOTNET_EXE = $Dotnet # the build program starts the same dotnet for its own tools

if (Test-True $env:SLIPWAY_NO_BUILD) {
    if (-not [IO.File]::Exists($BuildDll)) { Stop-Script 1 "SLIPWAY_NO_BUILD is set but $BuildDll does not exist." }
}
else {
    $reason = Get-BuildReason
    if ($reason) {
        [void][IO.Directory]::CreateDirectory($TempDir)
        # Serialise check+build between concurrent runs: an exclusive open is the lock (on Linux/macOS
        # .NET implements it with flock, so it also excludes build.sh). .NET handles are not inherited
        # by child processes, so lingering MSBuild/compiler servers cannot keep it locked.
        $lockPath = Join-Path $TempDir 'bootstrap.lock'
        $lock = $null
        $waiting = $false
        while (-not $lock) {
            try { $lock = [IO.File]::Open($lockPath, 'OpenOrCreate', 'ReadWrite', 'None') }
            catch [IO.IOException] {
                if (-not $waiting) { Write-Note 'waiting for another build to finish'; $waiting = $true }
                Start-Sleep -Milliseconds 200
            }
        }
        try {
            # Whoever held the lock may have just built the same inputs.
            if ($waiting) { $reason = Get-BuildReason }
            if ($reason) { Invoke-BuildProject $reason }
        }
        finally { $lock.Dispose() }
    }
}

# Relative paths in arguments keep their meaning: the current location is left unchanged.
& $Dotnet $BuildDll @ScriptArgs
exit $LASTEXITCODE
