package io.stratus.bootstrap;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

/** A setting with a wrong value: its message names the setting every way it can be given; {@link #whatIsWrong} says only what is wrong. */
public final class InvalidSetting extends StratusException {

    private static final long serialVersionUID = 1L;

    private final transient Setting setting;
    private final String wrong;

    InvalidSetting(Setting setting, String whatIsWrong) {
        super(Problem.INVALID_INPUT, "Setting " + setting.describe() + ": " + whatIsWrong + ".");
        this.setting = setting;
        this.wrong = whatIsWrong;
    }

    public Setting setting() {
        return setting;
    }

    /** What is wrong with the value, for a form that shows it next to the setting's field. */
    public String whatIsWrong() {
        return wrong;
    }
}
