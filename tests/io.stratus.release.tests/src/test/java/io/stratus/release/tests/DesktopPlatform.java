package io.stratus.release.tests;

import java.util.List;

/**
 * A platform the desktop product is built for, named as Eclipse names it ({@code osgi.os},
 * {@code osgi.ws}, {@code osgi.arch}), and what its archive must look like there.
 */
record DesktopPlatform(String os, String ws, String arch) {

    static final DesktopPlatform LINUX_X86_64 = new DesktopPlatform("linux", "gtk", "x86_64");
    static final DesktopPlatform MACOS_AARCH64 = new DesktopPlatform("macosx", "cocoa", "aarch64");
    static final DesktopPlatform WINDOWS_X86_64 = new DesktopPlatform("win32", "win32", "x86_64");

    /** Every platform that has a desktop archive. */
    static final List<DesktopPlatform> ALL = List.of(LINUX_X86_64, MACOS_AARCH64, WINDOWS_X86_64);

    boolean isWindows() {
        return os.equals("win32");
    }

    boolean isMac() {
        return os.equals("macosx");
    }

    /** Tar keeps the launcher scripts' executable bit; Windows people expect a zip. */
    String archiveName(String version) {
        return "stratus-desktop-" + version + "-" + os + "." + ws + "." + arch + (isWindows() ? ".zip" : ".tar.gz");
    }

    /** Where the installation (plugins/, configuration/) is in the archive: p2 makes an app bundle on macOS. */
    String installFolder() {
        return isMac() ? "stratus-desktop.app/Contents/Eclipse/" : "stratus-desktop/";
    }

    /** The launcher files at the top of the installation: what people start. */
    List<String> launchers() {
        if (isWindows()) {
            return List.of("stratus.cmd");
        }
        return isMac() ? List.of("stratus", "Stratus.command") : List.of("stratus");
    }

    /**
     * The files around the installation folder, relative to it: on macOS the app bundle's
     * Info.plist and the executable it names, which Finder opens.
     */
    List<String> appFiles() {
        return isMac() ? List.of("../Info.plist", "../MacOS/stratus") : List.of();
    }

    /** SWT's native fragment for this platform. */
    String swtFragment() {
        return "org.eclipse.swt." + ws + "." + os + "." + arch;
    }

    @Override
    public String toString() {
        return os + "/" + ws + "/" + arch;
    }
}
