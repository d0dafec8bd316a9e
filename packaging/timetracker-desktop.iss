; Inno Setup 6 script for TimeTracker Desktop (Windows x64). Build: packaging\build.ps1, which runs
;   iscc /DAppVersion=<version> packaging\timetracker-desktop.iss
; after PyInstaller has filled dist\timetracker-desktop\ and WinSW is in dist\winsw\WinSW-x64.exe.
; Must compile with zero warnings (tests/installer/test_installer_lab.py fails on any).
;
; Data: the desktop program keeps its data (SQLite database, backups, logs) in the user's profile,
; %LOCALAPPDATA%\TimeTracker\TimeTracker Desktop; the Windows service keeps its own in %ProgramData%\TimeTracker.
; Neither is under {app}, and the uninstaller removes only the program: the data always stays.
; Autostart for the signed-in user is the program's own Settings check box (HKCU Run), never {userstartup}:
; setup runs as administrator, and {userstartup} would be the administrator's profile.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; Overridable for the installer lab (tests/installer), which compiles this script under Wine.
#ifndef DistDir
  #define DistDir "..\dist\timetracker-desktop"
#endif
#ifndef WinSWExe
  #define WinSWExe "..\dist\winsw\WinSW-x64.exe"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#ifndef Compression
  #define Compression "lzma2"
#endif
#define AppName "TimeTracker Desktop"
#define GuiExe "timetracker-desktop-gui.exe"
#define CliExe "timetracker-desktop.exe"
#define ServiceId "TimeTrackerDesktop"
#define ServiceExe "timetracker-desktop-service.exe"
#define GuiRule "TimeTracker Desktop (GUI)"
#define ServiceRule "TimeTracker Desktop (service)"
#define RuleOptions "dir=in action=allow enable=yes profile=any remoteip=localsubnet protocol=TCP"

[Setup]
AppId={{6C1E0B1D-3F1A-4C7B-9E0B-7A5E2D7C4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=TimeTracker
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} setup
VersionInfoCompany=TimeTracker
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
; The firewall rules, the Windows service and %ProgramData%\TimeTracker need administrator rights.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=TimeTrackerDesktop-{#AppVersion}-setup
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
SetupIconFile=timetracker.ico
UninstallDisplayIcon={app}\timetracker.ico
UninstallDisplayName={#AppName}
; Setup and uninstall wait until the program is closed: it holds this named mutex (system/mutex.py); Global\ is
; the one a program in another user's session creates. The service does not hold it (setup checks AppMutex before
; any code runs): PrepareToInstall and the uninstall steps stop the service themselves.
AppMutex=TimeTrackerDesktop.Running,Global\TimeTrackerDesktop.Running
CloseApplications=yes

[Languages]
Name: "ukrainian"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ukrainian.FirewallTask=Дозволити терміналам у локальній мережі підключатися (правила брандмауера)
english.FirewallTask=Let terminals on the local network connect (firewall rules)
ukrainian.ServiceTask=Запускати приймач терміналів як службу Windows (працює, навіть коли ніхто не увійшов)
english.ServiceTask=Run the terminal listener as a Windows service (works while nobody is signed in)
ukrainian.LaunchAfter=Запустити TimeTracker Desktop
english.LaunchAfter=Start TimeTracker Desktop
ukrainian.ServiceStopFailed=Не вдалося зупинити службу TimeTracker Desktop. Зупиніть її (services.msc) і запустіть встановлення ще раз.
english.ServiceStopFailed=The TimeTracker Desktop service could not be stopped. Stop it (services.msc) and run setup again.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "firewall"; Description: "{cm:FirewallTask}"
Name: "service"; Description: "{cm:ServiceTask}"; Flags: unchecked

[Dirs]
; The service (LocalSystem) and the office user share the SQLite database, backups and logs here: Users may
; modify, so files the service creates (the WAL files too) stay writable for the desktop program. Kept on uninstall.
Name: "{commonappdata}\TimeTracker"; Permissions: users-modify; Flags: uninsneveruninstall; Tasks: service

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "timetracker.ico"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#WinSWExe}"; DestDir: "{app}\service"; DestName: "{#ServiceExe}"; Flags: ignoreversion
; The administrator edits the service XML (database URL, port): installed only when absent, kept on upgrade
; and on uninstall.
Source: "timetracker-desktop-service.xml"; DestDir: "{app}\service"; Flags: onlyifdoesntexist uninsneveruninstall
Source: "README-service.txt"; DestDir: "{app}\service"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"; IconFilename: "{app}\timetracker.ico"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; IconFilename: "{app}\timetracker.ico"; Tasks: desktopicon

[Run]
; One inbound rule per program, any port (the listener's port is a setting), local subnet only, every network
; profile (Windows calls a new LAN "Public"). Deleted first, so reinstalling never adds a duplicate.
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#GuiRule}"""; \
  Flags: runhidden waituntilterminated; Tasks: firewall
Filename: "{sys}\netsh.exe"; \
  Parameters: "advfirewall firewall add rule name=""{#GuiRule}"" {#RuleOptions} program=""{app}\{#GuiExe}"""; \
  Flags: runhidden waituntilterminated; Tasks: firewall
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#ServiceRule}"""; \
  Flags: runhidden waituntilterminated; Tasks: firewall
Filename: "{sys}\netsh.exe"; \
  Parameters: "advfirewall firewall add rule name=""{#ServiceRule}"" {#RuleOptions} program=""{app}\{#CliExe}"""; \
  Flags: runhidden waituntilterminated; Tasks: firewall
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchAfter}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#GuiRule}"""; \
  Flags: runhidden waituntilterminated; RunOnceId: "DeleteGuiFirewallRule"
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#ServiceRule}"""; \
  Flags: runhidden waituntilterminated; RunOnceId: "DeleteServiceFirewallRule"

; No [UninstallDelete]: the databases, backups and logs stay after uninstalling.

[Code]
// The service is driven with WinSW's own commands ({app}\service\timetracker-desktop-service.exe install,
// start, stopwait, uninstall); whether it exists and whether it stopped is asked from the service manager.
const
  SC_MANAGER_CONNECT = $0001;
  SERVICE_QUERY_STATUS = $0004;
  SERVICE_STOPPED = 1;
  ServiceMissing = 0;

type
  TServiceStatus = record
    dwServiceType: Cardinal;
    dwCurrentState: Cardinal;
    dwControlsAccepted: Cardinal;
    dwWin32ExitCode: Cardinal;
    dwServiceSpecificExitCode: Cardinal;
    dwCheckPoint: Cardinal;
    dwWaitHint: Cardinal;
  end;

var
  ServiceWasInstalled: Boolean;

function OpenSCManager(MachineName, DatabaseName: String; DesiredAccess: Cardinal): THandle;
  external 'OpenSCManagerW@advapi32.dll stdcall';
function OpenService(Manager: THandle; ServiceName: String; DesiredAccess: Cardinal): THandle;
  external 'OpenServiceW@advapi32.dll stdcall';
function QueryServiceStatus(Service: THandle; var Status: TServiceStatus): Boolean;
  external 'QueryServiceStatus@advapi32.dll stdcall';
function CloseServiceHandle(Handle: THandle): Boolean;
  external 'CloseServiceHandle@advapi32.dll stdcall';

// 0 when the service is not installed, else its state (1 stopped, 4 running, ...).
function ServiceState(): Cardinal;
var
  Manager, Service: THandle;
  Status: TServiceStatus;
begin
  Result := ServiceMissing;
  Manager := OpenSCManager('', 'ServicesActive', SC_MANAGER_CONNECT);
  if Manager = 0 then
    Exit;
  Service := OpenService(Manager, '{#ServiceId}', SERVICE_QUERY_STATUS);
  if Service <> 0 then
  begin
    if QueryServiceStatus(Service, Status) then
      Result := Status.dwCurrentState
    else
      Result := SERVICE_STOPPED;
    CloseServiceHandle(Service);
  end;
  CloseServiceHandle(Manager);
end;

function RunServiceCommand(Command: String): Integer;
var
  Wrapper: String;
begin
  Result := -1;
  Wrapper := ExpandConstant('{app}\service\{#ServiceExe}');
  if not FileExists(Wrapper) then
  begin
    Log('No ' + Wrapper + ': cannot run "' + Command + '"');
    Exit;
  end;
  if not Exec(Wrapper, Command, ExpandConstant('{app}\service'), SW_HIDE, ewWaitUntilTerminated, Result) then
    Log('Could not start ' + Wrapper + ' ' + Command)
  else
    Log('Service command "' + Command + '" exited with ' + IntToStr(Result));
end;

function WaitUntilStopped(Seconds: Integer): Boolean;
var
  Tries: Integer;
begin
  Tries := Seconds * 2;
  while (Tries > 0) and (ServiceState() <> SERVICE_STOPPED) and (ServiceState() <> ServiceMissing) do
  begin
    Sleep(500);
    Tries := Tries - 1;
  end;
  Result := (ServiceState() = SERVICE_STOPPED) or (ServiceState() = ServiceMissing);
end;

// Before any file is replaced: an installed service is stopped (it holds timetracker-desktop.exe open).
function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  Code: Integer;
begin
  Result := '';
  ServiceWasInstalled := ServiceState() <> ServiceMissing;
  if not ServiceWasInstalled then
    Exit;
  Log('The service is installed: stopping it before the files are replaced');
  RunServiceCommand('stopwait');
  if not WaitUntilStopped(30) then
  begin
    Exec(ExpandConstant('{sys}\sc.exe'), 'stop {#ServiceId}', '', SW_HIDE, ewWaitUntilTerminated, Code);
    if not WaitUntilStopped(30) then
      Result := CustomMessage('ServiceStopFailed');
  end;
end;

// After the files: install the service when the task was chosen, then start it when it is installed.
procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep <> ssPostInstall then
    Exit;
  if WizardIsTaskSelected('service') and (ServiceState() = ServiceMissing) then
    RunServiceCommand('install');
  if ServiceWasInstalled or WizardIsTaskSelected('service') then
    if ServiceState() <> ServiceMissing then
      RunServiceCommand('start');
end;

// Uninstall: stop and remove the service before its program is deleted (the XML and the data stay).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usUninstall) and (ServiceState() <> ServiceMissing) then
  begin
    RunServiceCommand('stopwait');
    WaitUntilStopped(30);
    RunServiceCommand('uninstall');
  end;
end;
