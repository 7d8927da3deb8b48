package dev.taipan.flowgraph.syntax;

/**
 * The decoded value of one STRING token. Prefixes are folded in: escapes are already processed
 * unless the literal is raw. For an f-string ({@code fstring}), {@code body} is the text between
 * the quotes with escapes of the literal parts processed <em>by the parser</em>, because braces
 * and nested expressions must be found first; {@code bodyPos} is where the body starts in the
 * source, so the parser can give nested expressions their true positions.
 *
 * @param body     decoded characters (str), or for bytes, chars 0..255, one per byte
 * @param bytes    a {@code b''} literal
 * @param raw      an {@code r''} literal (only matters for f-strings, whose body is undecoded)
 * @param fstring  an {@code f''} literal: {@code body} is the raw text between the quotes
 * @param bodyPos  start of the text between the quotes
 */
public record StringLiteral(String body, boolean bytes, boolean raw, boolean fstring, Pos bodyPos) {}
