; Inno Setup 6 script for TimeTracker Desktop (Windows x64). Build: packaging\build.ps1, which runs
;   iscc /DAppVersion=<version> packaging\timetracker-desktop.iss
; after PyInstaller has filled dist\timetracker-desktop\. Sign dist\ and the setup before shipping.
;
; The data (SQLite database, backups, logs) lives in the user's profile, %LOCALAPPDATA%\TimeTracker\
; TimeTracker Desktop, never under {app}: the uninstaller removes only the program and keeps the data.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef ListenerPort
  #define ListenerPort "8000"
#endif
#define AppName "TimeTracker Desktop"
#define GuiExe "timetracker-desktop-gui.exe"
#define CliExe "timetracker-desktop.exe"
#define FirewallRule "TimeTracker Desktop listener"

[Setup]
AppId={{6C1E0B1D-3F1A-4C7B-9E0B-7A5E2D7C4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=TimeTracker
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
; The firewall rule for the terminal listener needs administrator rights.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=TimeTrackerDesktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#GuiExe}
CloseApplications=yes

[Languages]
Name: "ukrainian"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ukrainian.AutostartTask=Запускати TimeTracker Desktop під час входу в Windows
english.AutostartTask=Start TimeTracker Desktop when I sign in to Windows
ukrainian.FirewallTask=Дозволити терміналам підключатися (правило брандмауера, TCP-порт {#ListenerPort})
english.FirewallTask=Let terminals connect (firewall rule for TCP port {#ListenerPort})
ukrainian.LaunchAfter=Запустити TimeTracker Desktop
english.LaunchAfter=Start TimeTracker Desktop

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "autostart"; Description: "{cm:AutostartTask}"; Flags: unchecked
Name: "firewall"; Description: "{cm:FirewallTask}"

[Files]
Source: "..\dist\timetracker-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "timetracker-desktop-service.xml"; DestDir: "{app}\service"; Flags: ignoreversion
Source: "README-service.txt"; DestDir: "{app}\service"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon
Name: "{userstartup}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: autostart

[Run]
Filename: "{sys}\netsh.exe"; \
  Parameters: "advfirewall firewall add rule name=""{#FirewallRule}"" dir=in action=allow protocol=TCP localport={#ListenerPort} program=""{app}\{#CliExe}"" profile=private,domain"; \
  Flags: runhidden waituntilterminated; Tasks: firewall
Filename: "{sys}\netsh.exe"; \
  Parameters: "advfirewall firewall add rule name=""{#FirewallRule}"" dir=in action=allow protocol=TCP localport={#ListenerPort} program=""{app}\{#GuiExe}"" profile=private,domain"; \
  Flags: runhidden waituntilterminated; Tasks: firewall
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchAfter}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#FirewallRule}"""; \
  Flags: runhidden waituntilterminated; RunOnceId: "DeleteFirewallRule"

; No [UninstallDelete]: the database, backups and logs in the user profile stay after uninstalling.
