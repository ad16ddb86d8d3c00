package io.stratus.ui.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

/** Copies pixels from the screen into PNG files. Must run on the UI thread. */
final class ScreenCapture {

    private ScreenCapture() {
    }

    /**
     * Saves {@code area} of the screen as it is drawn now, windows on top included, which is what a
     * person would have seen there (a shell's own paint methods could not show overlapping dialogs).
     */
    static void savePng(Display display, Rectangle area, Path png) {
        Rectangle onScreen = area.intersection(display.getBounds());
        if (onScreen.isEmpty()) {
            throw new IllegalArgumentException("Nothing to capture: " + area + " is off the screen " + display.getBounds());
        }
        Image image = new Image(display, onScreen.width, onScreen.height);
        GC screen = new GC(display);
        try {
            screen.copyArea(image, onScreen.x, onScreen.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Files.createDirectories(png.toAbsolutePath().getParent());
            loader.save(png.toString(), SWT.IMAGE_PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the screenshot " + png, e);
        } finally {
            screen.dispose();
            image.dispose();
        }
    }
}
