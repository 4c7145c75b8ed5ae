package io.amira.api;

/**
 * Builds an {@code UpdateConfig}: changes numbered in order as Asterisk expects them
 * ({@code Action-000000}, {@code Cat-000000}, {@code Var-000000}, {@code Value-000000},
 * {@code Match-000000}, {@code Line-000000}).
 */
public final class UpdateConfigBuilder {

    private final AmiAction.Builder builder;
    private int changes;

    UpdateConfigBuilder(String srcFilename, String dstFilename) {
        this.builder = AmiAction.builder("UpdateConfig")
                .header("SrcFilename", AmiActions.required("SrcFilename", srcFilename))
                .header("DstFilename", AmiActions.required("DstFilename", dstFilename));
    }

    /** Reloads the named module afterwards ({@code "yes"} reloads everything). */
    public UpdateConfigBuilder reload(String module) {
        builder.header("Reload", module);
        return this;
    }

    public UpdateConfigBuilder newCategory(String category) {
        return change("NewCat", category, null, null, null);
    }

    public UpdateConfigBuilder renameCategory(String category, String newName) {
        return change("RenameCat", category, null, newName, null);
    }

    public UpdateConfigBuilder deleteCategory(String category) {
        return change("DelCat", category, null, null, null);
    }

    /** Appends {@code variable = value} to {@code category}. */
    public UpdateConfigBuilder append(String category, String variable, String value) {
        return change("Append", category, variable, value, null);
    }

    /** Sets {@code variable} in {@code category}; {@code match} (may be null) restricts it to lines with that current value. */
    public UpdateConfigBuilder update(String category, String variable, String value, String match) {
        return change("Update", category, variable, value, match);
    }

    /** Deletes {@code variable} from {@code category}; {@code match} (may be null) restricts it to lines with that value. */
    public UpdateConfigBuilder delete(String category, String variable, String match) {
        return change("Delete", category, variable, null, match);
    }

    /** Any other change (e.g. {@code EmptyCat}, {@code Insert}) with its optional headers. */
    public UpdateConfigBuilder change(String action, String category, String variable, String value, String match) {
        String n = String.format("%06d", changes);
        builder.header("Action-" + n, AmiActions.required("Action", action));
        builder.header("Cat-" + n, AmiActions.required("Cat", category));
        AmiActions.optional(builder, "Var-" + n, variable);
        AmiActions.optional(builder, "Value-" + n, value);
        AmiActions.optional(builder, "Match-" + n, match);
        changes++;
        return this;
    }

    public AmiAction build() {
        if (changes == 0) {
            throw new IllegalStateException("UpdateConfig needs at least one change");
        }
        return builder.build();
    }
}
