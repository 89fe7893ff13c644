@echo off
rem Opens the waiting-room board full screen on a Windows TV PC, speaking from the first call
rem without a click: Edge (or Chrome) in kiosk mode with the autoplay flag. Put a shortcut to this
rem file in shell:startup so the board comes back by itself after a power cut.
rem   scripts\launch-display.cmd http://192.168.1.10:4700   (the host's address, Admin - Jaringan)
setlocal

set "HOST=%~1"
if "%HOST%"=="" set "HOST=%LOKET_HOST%"
if "%HOST%"=="" set "HOST=http://127.0.0.1:4700"
set "URL=%HOST%/#/display"

set "BROWSER=%LOKET_BROWSER%"
if not "%BROWSER%"=="" goto found
for %%B in (
  "%ProgramFiles(x86)%\Microsoft\Edge\Application\msedge.exe"
  "%ProgramFiles%\Microsoft\Edge\Application\msedge.exe"
  "%ProgramFiles%\Google\Chrome\Application\chrome.exe"
  "%ProgramFiles(x86)%\Google\Chrome\Application\chrome.exe"
  "%LocalAppData%\Google\Chrome\Application\chrome.exe"
) do if exist %%B (
  set "BROWSER=%%~B"
  goto found
)
echo Edge atau Chrome tidak ditemukan. Pasang salah satunya atau isi LOKET_BROWSER.
exit /b 1

:found
rem A profile of its own, so the TV's settings never mix with a person's browser.
set "PROFILE=%LOCALAPPDATA%\Loket\display-profile"
if not exist "%PROFILE%" mkdir "%PROFILE%"

start "" "%BROWSER%" --kiosk "%URL%" --edge-kiosk-type=fullscreen --autoplay-policy=no-user-gesture-required --user-data-dir="%PROFILE%" --no-first-run --noerrdialogs --disable-session-crashed-bubble
endlocal
