package io.cosmosdesk.scripts;

import io.cosmosdesk.editor.LineHighlighting;
import io.cosmosdesk.editor.LineStyledCodeArea;
import java.util.Collection;
import java.util.Collections;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/** The script editor: JavaScript colours ({@link JavaScriptLexer}), bracket matching and line numbers. */
public final class JavaScriptCodeArea extends LineStyledCodeArea {

    private static final String INDENT = "    ";

    public JavaScriptCodeArea() {
        this("");
    }

    public JavaScriptCodeArea(String text) {
        this(text.isEmpty()
                ? new SimpleEditableStyledDocument<>(Collections.<String>emptyList(), Collections.<String>emptyList())
                : LineHighlighting.prepare(JavaScriptLexer.INSTANCE, text));
    }

    private JavaScriptCodeArea(EditableStyledDocument<Collection<String>, String, Collection<String>> document) {
        super(document, JavaScriptLexer.INSTANCE);
        getStyleClass().add("js-editor");
        Nodes.addInputMap(this, InputMap.sequence(
                InputMap.consume(EventPattern.keyPressed(KeyCode.TAB), event -> replaceSelection(INDENT)),
                InputMap.consume(EventPattern.keyPressed(KeyCode.ENTER), event -> newLineWithIndent())));
    }

    private void newLineWithIndent() {
        String line = getParagraph(getCurrentParagraph()).getText();
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        String extra = getCaretColumn() > 0 && line.substring(0, Math.min(getCaretColumn(), line.length()))
                .stripTrailing().endsWith("{") ? INDENT : "";
        replaceSelection("\n" + " ".repeat(indent) + extra);
    }
}
