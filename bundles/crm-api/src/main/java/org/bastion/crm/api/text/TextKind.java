package org.bastion.crm.api.text;

/** Whether a free-text field holds one line (a name, a title, a label) or several (notes, a street address). */
public enum TextKind {

    /** One line: no line break and no tab at all. */
    SINGLE_LINE,

    /** Several lines: line feeds, CRLF pairs and tabs are allowed; a lone carriage return is not. */
    MULTI_LINE
}
