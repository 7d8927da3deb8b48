package dev.taipan.x86.elf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code readelf -W -h -l -S -s} prints, parsed into the four parts the tests check: the
 * header's fields, the program headers, the section headers, the symbols. An independent reader
 * of our files: if the writer misplaces a field, readelf's view and the layout's disagree.
 */
public record Readelf(Map<String, String> header, List<Segment> segments, List<String> segmentSections,
               List<Section> sections, Map<String, Sym> symbols) {

    record Segment(String type, long offset, long address, long fileSize, long memorySize, String flags, long align) {
    }

    record Section(String name, String type, long address, long offset, long size, String flags, long align) {
    }

    public record Sym(long value, long size, String type, String binding, String sectionIndex) {
    }

    private static final String HEX = "(?:0x)?([0-9a-f]+)";
    private static final Pattern HEADER = Pattern.compile("^  ([A-Za-z/ ]+):\\s+(.*)$");
    private static final Pattern SEGMENT = Pattern.compile(
            "^\\s+([A-Z_]+)\\s+" + HEX + "\\s+" + HEX + "\\s+" + HEX + "\\s+" + HEX + "\\s+" + HEX
                    + " ([RWE ]{3}) " + HEX + "$");
    private static final Pattern MAPPING = Pattern.compile("^\\s+(\\d\\d)\\s+(.*?)\\s*$");
    private static final Pattern SECTION = Pattern.compile(
            "^\\s+\\[\\s*\\d+\\] (\\S+)\\s+([A-Z]+)\\s+" + HEX + " " + HEX + " " + HEX + " " + HEX
                    + " +([A-Z]*) +\\d+ +\\d+ +(\\d+)$");
    private static final Pattern SYMBOL = Pattern.compile(
            "^\\s+\\d+: " + HEX + "\\s+(\\d+) (\\w+)\\s+(\\w+)\\s+\\w+\\s+(\\w+) (\\S+)$");

    public static Readelf parse(String output) {
        var header = new LinkedHashMap<String, String>();
        var segments = new ArrayList<Segment>();
        var mapping = new ArrayList<String>();
        var sections = new ArrayList<Section>();
        var symbols = new LinkedHashMap<String, Sym>();
        String part = "";
        for (String line : output.split("\n")) {
            if (!line.startsWith("  ")) { // data lines are indented by two or more; titles are not
                part = line;
                continue;
            }
            Matcher m;
            if (part.startsWith("ELF Header") && (m = HEADER.matcher(line)).matches()) {
                header.put(m.group(1).strip(), m.group(2).strip());
            } else if (part.startsWith("Program Headers") && (m = SEGMENT.matcher(line)).matches()) {
                segments.add(new Segment(m.group(1), hex(m.group(2)), hex(m.group(3)), hex(m.group(5)),
                        hex(m.group(6)), m.group(7), hex(m.group(8))));
            } else if (part.startsWith(" Section to Segment") && (m = MAPPING.matcher(line)).matches()) {
                mapping.add(m.group(2));
            } else if (part.startsWith("Section Headers") && (m = SECTION.matcher(line)).matches()) {
                sections.add(new Section(m.group(1), m.group(2), hex(m.group(3)), hex(m.group(4)), hex(m.group(5)),
                        m.group(7), Long.parseLong(m.group(8))));
            } else if (part.startsWith("Symbol table") && (m = SYMBOL.matcher(line)).matches()) {
                symbols.put(m.group(6), new Sym(hex(m.group(1)), Long.parseLong(m.group(2)), m.group(3), m.group(4),
                        m.group(5)));
            }
        }
        return new Readelf(header, segments, mapping, sections, symbols);
    }

    Section section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + name + " in " + sections));
    }

    private static long hex(String digits) {
        return Long.parseUnsignedLong(digits, 16);
    }
}
