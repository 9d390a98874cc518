# Installer smoke test for CosmosDesk on Windows: the steps of packaging/linux/smoke-test.sh that Windows
# allows. Run by .github/workflows/installers.yml on a Windows runner after `mvn -Ppackage package`, in an
# elevated shell (msiexec /i for all users). It has never run on this project's own machine (Linux); see
# packaging/README.md.
#
# Installs target\packaging\installer\CosmosDesk-*.msi silently, checks the installed files (launcher, runtime,
# no sandbox classes in the app's jar), starts the installed app and waits for its main window, screenshots
# it, starts it again with a connection attempt (the Azure SDK's class loading) and checks the log for
# missing classes, times RUNS starts, prints the figures and uninstalls. Every failure prints
# "smoke-test: FAILED: <step>: <why>" and exits 1.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$repo = (Resolve-Path "$PSScriptRoot\..\..").Path
$out = Join-Path $repo 'target\packaging'
$runs = if ($env:RUNS) { [int]$env:RUNS } else { 5 }
$installDir = Join-Path $env:ProgramFiles 'CosmosDesk'
$launcher = Join-Path $installDir 'CosmosDesk.exe'
$msiSizeLimitMb = 60
$script:step = 'start'

function Say([string]$text) { Write-Host "smoke-test: $text" }
function Fail([string]$why) {
    Write-Host "smoke-test: FAILED: $($script:step): $why"
    exit 1
}
function Begin([string]$name) { $script:step = $name; Say $name }

trap {
    Write-Host "smoke-test: FAILED: $($script:step): $($_.Exception.Message) (line $($_.InvocationInfo.ScriptLineNumber))"
    exit 1
}

function Now-Ms { [long]([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()) }

# Waits until a process of the installed launcher shows a main window whose title starts with CosmosDesk;
# returns the milliseconds since $since, or -1 when $limitMs passed or the process exited.
function Wait-MainWindow([System.Diagnostics.Process]$process, [long]$since, [int]$limitMs) {
    $deadline = (Now-Ms) + $limitMs
    while ((Now-Ms) -lt $deadline) {
        if ($process.HasExited) { return -1 }
        $process.Refresh()
        if ($process.MainWindowHandle -ne [IntPtr]::Zero -and $process.MainWindowTitle -like 'CosmosDesk*') {
            return (Now-Ms) - $since
        }
        Start-Sleep -Milliseconds 20
    }
    return -1
}

function Start-App([string[]]$arguments, [int]$limitMs = 60000) {
    $start = Now-Ms
    $params = @{ FilePath = $launcher; PassThru = $true }
    if ($arguments) { $params.ArgumentList = $arguments }
    $process = Start-Process @params
    $elapsed = Wait-MainWindow $process $start $limitMs
    if ($elapsed -lt 0) {
        if (-not $process.HasExited) { Stop-App $process }
        Fail "no main window within $($limitMs / 1000) s from $launcher $arguments"
    }
    return @{ Process = $process; Elapsed = $elapsed }
}

function Stop-App([System.Diagnostics.Process]$process) {
    # the launcher runs the JVM in its own process: ending it ends the app
    if (-not $process.HasExited) {
        $process.CloseMainWindow() | Out-Null
        if (-not $process.WaitForExit(15000)) { Stop-Process -Id $process.Id -Force }
    }
}

function Save-Screenshot([string]$file) {
    Add-Type -AssemblyName System.Windows.Forms, System.Drawing
    $bounds = [System.Windows.Forms.Screen]::PrimaryScreen.Bounds
    $bitmap = New-Object System.Drawing.Bitmap $bounds.Width, $bounds.Height
    $graphics = [System.Drawing.Graphics]::FromImage($bitmap)
    $graphics.CopyFromScreen($bounds.Location, [System.Drawing.Point]::Empty, $bounds.Size)
    $bitmap.Save($file, [System.Drawing.Imaging.ImageFormat]::Png)
    $graphics.Dispose(); $bitmap.Dispose()
}

function Check-NoSandbox([string]$jar) {
    $entries = & jar tf $jar
    if ($LASTEXITCODE -ne 0) { Fail "cannot list $jar" }
    if (-not ($entries -contains 'io/cosmosdesk/app/Launcher.class')) { Fail "$jar does not hold the app" }
    $sandbox = @($entries | Where-Object { $_ -like 'io/cosmosdesk/sandbox/*' })
    if ($sandbox.Count -gt 0) { Fail "$jar ships the sandbox ($($sandbox.Count) entries under io/cosmosdesk/sandbox)" }
}

function Median([long[]]$values) {
    $sorted = $values | Sort-Object
    $n = $sorted.Count
    if ($n % 2) { return $sorted[($n - 1) / 2] }
    return [long](($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2)
}

Begin 'checking the installer'
$msi = Get-ChildItem (Join-Path $out 'installer') -Filter 'CosmosDesk-*.msi' -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $msi) { Fail "no .msi in $out\installer" }

Begin "installing $($msi.Name)"
$installLog = Join-Path $out 'smoke-msi-install.log'
$install = Start-Process msiexec.exe -ArgumentList '/i', "`"$($msi.FullName)`"", '/qn', '/norestart', '/l*v', "`"$installLog`"" -Wait -PassThru
if ($install.ExitCode -ne 0) { Fail "msiexec /i exited with $($install.ExitCode) (see $installLog)" }
foreach ($path in @($launcher, "$installDir\runtime\bin\java.dll", "$installDir\runtime\lib\modules", "$installDir\app\CosmosDesk.cfg")) {
    if (-not (Test-Path $path)) { Fail "the .msi did not install $path" }
}
$appJar = Get-ChildItem "$installDir\app" -Filter 'cosmosdesk-*.jar' | Select-Object -First 1
if (-not $appJar) { Fail "no app jar in $installDir\app" }
Check-NoSandbox $appJar.FullName
$shortcut = Join-Path ([Environment]::GetFolderPath('CommonStartMenu')) 'Programs\CosmosDesk\CosmosDesk.lnk'
if (-not (Test-Path $shortcut)) { Say "note: no Start-menu entry at $shortcut" }

$logFile = Join-Path $env:LOCALAPPDATA 'CosmosDesk\logs\cosmosdesk.log'

Begin 'first start of the installed app'
# a machine's first JavaFX start unpacks JavaFX's DLLs into .openjfx\cache and builds font caches
$first = Start-App @() 180000
$firstStartMs = $first.Elapsed
Start-Sleep -Seconds 2 # nothing to wait for on the screen from here; let the first frame paint
Save-Screenshot (Join-Path $out 'smoke-main-window.png')
Stop-App $first.Process

Begin 'start with a connection attempt (exercises the Azure SDK''s class loading)'
$attempt = Start-App @('--connect-emulator=https://localhost:1')
$deadline = (Now-Ms) + 90000
while (-not ((Test-Path $logFile) -and (Select-String -Path $logFile -Pattern 'failed|could not|unreachable' -Quiet))) {
    if ((Now-Ms) -gt $deadline) { Fail "no connection outcome in $logFile after 90 s" }
    Start-Sleep -Milliseconds 200
}
Save-Screenshot (Join-Path $out 'smoke-connect-attempt.png')
Stop-App $attempt.Process
$missing = Select-String -Path $logFile -Pattern 'NoClassDefFoundError|ClassNotFoundException|UnsatisfiedLinkError|NoSuchMethodError'
if ($missing) { Fail "missing classes or native libraries in the installed app: $($missing[0].Line)" }

Begin "timing $runs starts (installed launcher)"
$times = @()
for ($i = 0; $i -lt $runs; $i++) {
    $started = Start-App @()
    $times += $started.Elapsed
    Stop-App $started.Process
}

$msiMb = [math]::Round($msi.Length / 1MB, 1)
$installedMb = [math]::Round(((Get-ChildItem $installDir -Recurse -File | Measure-Object Length -Sum).Sum) / 1MB)
Write-Host ''
Write-Host "CosmosDesk installer figures (Windows, $([Environment]::ProcessorCount) cores)"
Write-Host "  .msi installer size:        $msiMb MB (target < $msiSizeLimitMb MB)"
Write-Host "  installed size:             $installedMb MB"
Write-Host "  first start:                $firstStartMs ms to the main window"
Write-Host "  start to main window:       median $(Median $times) ms of $runs ($($times -join ' '))"
Write-Host "  screenshots:                $out\smoke-main-window.png, smoke-connect-attempt.png"
Write-Host ''

Begin 'uninstalling'
$uninstallLog = Join-Path $out 'smoke-msi-uninstall.log'
$uninstall = Start-Process msiexec.exe -ArgumentList '/x', "`"$($msi.FullName)`"", '/qn', '/norestart', '/l*v', "`"$uninstallLog`"" -Wait -PassThru
if ($uninstall.ExitCode -ne 0) { Fail "msiexec /x exited with $($uninstall.ExitCode) (see $uninstallLog)" }
if (Test-Path $launcher) { Fail "$launcher is still there after uninstalling" }
if ($msiMb -ge $msiSizeLimitMb) { Fail ".msi is $msiMb MB, over the $msiSizeLimitMb MB target" }
Say 'passed'
