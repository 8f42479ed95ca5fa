package dev.keyline.examples.demo;

/** The console's chapter lines as the demo numbers them, from the order of {@link Demo#standardChapters()}. */
public final class DemoChapters {

    private DemoChapters() {
    }

    /**
     * The start of a chapter's console line, such as {@code 8. Notifications: }.
     *
     * @param title the chapter's title
     * @return its number and title, as the demo prints them
     * @throws AssertionError when no standard chapter has the title
     */
    public static String numbered(String title) {
        var titles = Demo.standardChapters().stream().map(DemoChapter::title).toList();
        int index = titles.indexOf(title);
        if (index < 0) {
            throw new AssertionError("no standard chapter " + title + " in " + titles);
        }
        return (index + 1) + ". " + title + ": ";
    }
}
