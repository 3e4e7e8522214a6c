@echo off
rem connect-verify launcher (from the release archive). Picks Java from JAVA_HOME, else java on the PATH, and needs
rem Java 17 or newer. Extra JVM options: CONNECT_VERIFY_JAVA_OPTS. Exit code 3 when no usable Java is found.
setlocal EnableDelayedExpansion
set "CV_HOME=%~dp0.."
set "CV_JAR=%CV_HOME%\lib\connect-verify.jar"

if defined JAVA_HOME (
  set "CV_JAVA=%JAVA_HOME%\bin\java.exe"
  if not exist "!CV_JAVA!" (
    echo connect-verify: JAVA_HOME is set to '%JAVA_HOME%', but it has no bin\java.exe; point JAVA_HOME at a Java 17 or newer installation, or unset it to use java from the PATH 1>&2
    exit /b 3
  )
) else (
  set "CV_JAVA="
  for %%J in (java.exe) do set "CV_JAVA=%%~$PATH:J"
  if not defined CV_JAVA (
    echo connect-verify: no Java found: set JAVA_HOME or put java ^(version 17 or newer^) on the PATH, e.g. from https://adoptium.net 1>&2
    exit /b 3
  )
)

rem java -version prints e.g. openjdk version "17.0.15" or java version "1.8.0_392"
set "CV_VERSION="
for /f "tokens=3" %%V in ('"!CV_JAVA!" -version 2^>^&1 ^| findstr /i "version"') do if not defined CV_VERSION set "CV_VERSION=%%~V"
for /f "tokens=1,2 delims=." %%A in ("!CV_VERSION!") do (
  set "CV_MAJOR=%%A"
  if "%%A"=="1" set "CV_MAJOR=%%B"
)
if not defined CV_MAJOR (
  echo connect-verify: cannot tell the version of !CV_JAVA!; it needs Java 17 or newer 1>&2
  exit /b 3
)
if !CV_MAJOR! LSS 17 (
  echo connect-verify: needs Java 17 or newer, but !CV_JAVA! is Java !CV_VERSION!; set JAVA_HOME to a Java 17+ installation 1>&2
  exit /b 3
)

if not defined CONNECT_VERIFY_JAVA_OPTS set "CONNECT_VERIFY_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xshare:auto"
"!CV_JAVA!" %CONNECT_VERIFY_JAVA_OPTS% -jar "%CV_JAR%" %*
exit /b %ERRORLEVEL%
