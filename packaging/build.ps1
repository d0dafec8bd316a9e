# Builds the Windows one-folder app and its installer. Run in PowerShell on Windows x64 with CPython 3.11:
#   py -3.11 -m venv .venv; .venv\Scripts\pip install -e .[test]; powershell -File packaging\build.ps1
# Steps: resources, PyInstaller (dist\timetracker-desktop\), WinSW (dist\winsw\WinSW-x64.exe), signing when a
# certificate is configured, Inno Setup 6 (dist\TimeTrackerDesktop-<version>-setup.exe), signing of the setup.
#
# Environment:
#   TT_WINSW_EXE                 a local WinSW-x64.exe 2.12.0 to use instead of downloading it (checked by SHA-256)
#   TT_ISCC                      path to ISCC.exe (default: iscc on PATH, else Inno Setup 6 in Program Files)
#   TT_SIGN_CERT_THUMBPRINT      sign with this certificate from the Windows certificate store (signtool /sha1), or
#   TT_SIGN_PFX + TT_SIGN_PFX_PASSWORD   sign with a .pfx file
#   TT_SIGN_TIMESTAMP_URL        RFC 3161 timestamp server (default http://timestamp.digicert.com)
#   TT_SIGNTOOL                  path to signtool.exe (default: signtool on PATH, else the newest Windows SDK one)
# Without a certificate the build is unsigned and says so.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
$python = ".venv\Scripts\python.exe"

# WinSW 2.12.0, the self-contained x64 build: the service wrapper (pinned by its published SHA-256).
$WinSWVersion = "2.12.0"
$WinSWSha256 = "05B82D46AD331CC16BDC00DE5C6332C1EF818DF8CEEFCD49C726553209B3A0DA"
$WinSWUrl = "https://github.com/winsw/winsw/releases/download/v$WinSWVersion/WinSW-x64.exe"

function Find-Tool([string]$Override, [string]$Name, [string[]]$Candidates) {
    if ($Override) { return $Override }
    $onPath = Get-Command $Name -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    foreach ($candidate in $Candidates) {
        $found = Get-ChildItem -Path $candidate -ErrorAction SilentlyContinue | Sort-Object FullName -Descending | Select-Object -First 1
        if ($found) { return $found.FullName }
    }
    throw "$Name not found: install it or set its TT_ variable"
}

function Invoke-Sign([string[]]$Files) {
    $thumbprint = $env:TT_SIGN_CERT_THUMBPRINT
    $pfx = $env:TT_SIGN_PFX
    if (-not $thumbprint -and -not $pfx) {
        Write-Host "Not signing $($Files -join ', '): no certificate configured (TT_SIGN_CERT_THUMBPRINT or TT_SIGN_PFX)"
        return
    }
    $signtool = Find-Tool $env:TT_SIGNTOOL "signtool.exe" @("${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe")
    $timestamp = if ($env:TT_SIGN_TIMESTAMP_URL) { $env:TT_SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    $arguments = @("sign", "/fd", "SHA256", "/tr", $timestamp, "/td", "SHA256")
    if ($thumbprint) {
        $arguments += @("/sha1", $thumbprint)
    } else {
        $arguments += @("/f", $pfx)
        if ($env:TT_SIGN_PFX_PASSWORD) { $arguments += @("/p", $env:TT_SIGN_PFX_PASSWORD) }
    }
    & $signtool @arguments @Files
    if ($LASTEXITCODE -ne 0) { throw "signtool failed" }
    & $signtool verify /pa @Files
    if ($LASTEXITCODE -ne 0) { throw "signtool verify failed" }
}

& $python -m timetracker_desktop.gui.shell.build_resources
if ($LASTEXITCODE -ne 0) { throw "resources failed" }
& $python -m PyInstaller --noconfirm --clean --log-level WARN packaging\timetracker-desktop.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$version = & $python -c "import timetracker_desktop; print(timetracker_desktop.__version__)"

$winsw = "dist\winsw\WinSW-x64.exe"
New-Item -ItemType Directory -Force -Path "dist\winsw" | Out-Null
if ($env:TT_WINSW_EXE) {
    Copy-Item $env:TT_WINSW_EXE $winsw -Force
} elseif (-not (Test-Path $winsw)) {
    Write-Host "Downloading WinSW $WinSWVersion"
    Invoke-WebRequest -Uri $WinSWUrl -OutFile $winsw -UseBasicParsing
}
$actual = (Get-FileHash -Algorithm SHA256 $winsw).Hash
if ($actual -ne $WinSWSha256) {
    Remove-Item $winsw
    throw "WinSW-x64.exe has SHA-256 $actual, expected $WinSWSha256 (WinSW $WinSWVersion)"
}

Invoke-Sign @("dist\timetracker-desktop\timetracker-desktop.exe", "dist\timetracker-desktop\timetracker-desktop-gui.exe")

$iscc = Find-Tool $env:TT_ISCC "iscc.exe" @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe")
$output = & $iscc "/DAppVersion=$version" packaging\timetracker-desktop.iss 2>&1 | Out-String
Write-Host $output
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
if ($output -match "(?m)^\s*Warning") { throw "Inno Setup reported warnings: the script must compile without any" }

Invoke-Sign @("dist\TimeTrackerDesktop-$version-setup.exe")
