@echo off
rem Starts Stratus installed in the folder of this file (Windows). Eclipse's native launcher is
rem not on Maven Central, so this file does its job: it finds a Java 21 or newer (%JAVA_HOME%
rem first, then the java on PATH) and runs the Equinox launcher jar with the JVM options that
rem eclipse.ini lists after -vmargs. Arguments go to Eclipse; those after -vmargs go to Java,
rem after eclipse.ini's. Double-clicking it works too: the window stays open on an error.
setlocal EnableExtensions EnableDelayedExpansion
set "install=%~dp0"

set "java="
set "found="
if defined JAVA_HOME call :try_java "%JAVA_HOME%\bin\java.exe"
if not defined java for %%J in (java.exe) do if not "%%~$PATH:J"=="" call :try_java "%%~$PATH:J"
if not defined java (
  echo Stratus needs Java 21 or newer, and none was found ^(looked at %%JAVA_HOME%%, then the java on PATH^).!found! 1>&2
  echo Install Java 21 or newer ^(for example Eclipse Temurin from adoptium.net^), then set JAVA_HOME 1>&2
  echo to its folder or put its bin folder on PATH, and start Stratus again. 1>&2
  pause
  exit /b 1
)

set "launcher="
for %%L in ("%install%plugins\org.eclipse.equinox.launcher_*.jar") do set "launcher=%%~fL"
if not defined launcher (
  echo %install%plugins has no org.eclipse.equinox.launcher jar: this is not a complete Stratus installation. 1>&2
  pause
  exit /b 1
)

rem One option a line; what follows -vmargs is for Java (the native launcher reads the same file).
set "vmargs="
set "after="
if exist "%install%eclipse.ini" for /f "usebackq tokens=* delims=" %%A in ("%install%eclipse.ini") do (
  if defined after (set vmargs=!vmargs! "%%A") else if "%%A"=="-vmargs" set "after=1"
)

set "eclipse_args="
set "java_args="
set "after="
:next_arg
if "%~1"=="" goto run
if defined after (
  set java_args=!java_args! %1
) else if "%~1"=="-vmargs" (
  set "after=1"
) else (
  set eclipse_args=!eclipse_args! %1
)
shift
goto next_arg

:run
"%java%" !vmargs! !java_args! -jar "%launcher%" !eclipse_args!
set "status=%ERRORLEVEL%"
if not "%status%"=="0" pause
exit /b %status%

rem Takes %1 as the java to run if it is Java 21 or newer; otherwise notes what it is.
:try_java
if not exist "%~1" goto :eof
set "major="
for /f "tokens=2 delims== " %%V in ('call "%~1" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"') do (
  for /f "tokens=1 delims=." %%M in ("%%V") do set "major=%%M"
)
if defined major if !major! GEQ 21 (
  set "java=%~1"
  goto :eof
)
set "found=!found! %~1 is Java !major!."
goto :eof
