:; # Polyglot launcher: sh/bash run the ":;" lines (":" is a no-op there); cmd.exe treats them as labels.
:; case "$0" in */*) slipway_dir="${0%/*}" ;; *) slipway_dir=. ;; esac
:; exec bash "$slipway_dir/build.sh" "$@"
:; exit $?

@ECHO OFF
REM Windows: hand over to the PowerShell bootstrapper next to this file, passing all arguments.
powershell -ExecutionPolicy ByPass -NoProfile -File "%~dp0build.ps1" %*
exit /b %ERRORLEVEL%
