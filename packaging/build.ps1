# Builds the Windows one-folder app and its installer. Run in PowerShell on Windows x64 with CPython 3.11:
#   py -3.11 -m venv .venv; .venv\Scripts\pip install -e .[test]; powershell -File packaging\build.ps1
# Needs Inno Setup 6 (iscc.exe on PATH) for the installer step; sign the results before shipping.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
$python = ".venv\Scripts\python.exe"
& $python -m timetracker_desktop.gui.shell.build_resources
if ($LASTEXITCODE -ne 0) { throw "resources failed" }
& $python -m PyInstaller --noconfirm --clean --log-level WARN packaging\timetracker-desktop.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$version = & $python -c "import timetracker_desktop; print(timetracker_desktop.__version__)"
iscc /DAppVersion=$version packaging\timetracker-desktop.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
