; Inno Setup script for Jiyao on Windows (Inno Setup 6.3 or later). Not built in CI: there is
; no Windows machine there. On Windows, from the repository root:
;
;   py -m venv .venv && .venv\Scripts\pip install -e .[package]
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\jiyao.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\jiyao.iss
;
; makes dist\jiyao-<version>-setup.exe: installs dist\jiyao\ (per user without admin rights, or
; for everyone), a Start menu entry, and opens .jiyao projects with Jiyao on double-click.
; Text files get Jiyao in their "Open with" list only; it never becomes their default.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "jiyao.exe"
#define ProgId "Jiyao.Project"

[Setup]
; Never change AppId: Windows finds the installed copy (upgrade, uninstall) by it.
AppId=io.github.jiyao.Jiyao
AppName=Jiyao
AppVerName=Jiyao {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=The Jiyao developers
DefaultDirName={autopf}\Jiyao
DefaultGroupName=Jiyao
DisableProgramGroupPage=yes
; Per-user by default (no administrator needed); the dialog offers an all-users install.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
; Paths are relative to this file.
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=jiyao-{#AppVersion}-setup
SetupIconFile=resources\icons\jiyao.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
; Inno Setup ships no Simplified Chinese wizard text; to add one, put the translators'
; ChineseSimplified.isl into its Languages folder and add a line for it here.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\jiyao\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Jiyao"; Filename: "{app}\{#AppExe}"; Comment: "Read and annotate Chinese policy and meeting documents"
Name: "{autodesktop}\Jiyao"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install and HKLM for an all-users one.
; .jiyao opens in Jiyao: the extension names our ProgId, which says how to open and draw it.
Root: HKA; Subkey: "Software\Classes\.jiyao"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.jiyao\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Jiyao project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" for projects and text files, without taking over .txt.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Jiyao"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".jiyao"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Jiyao}"; Flags: nowait postinstall skipifsilent
