package dev.taipan.rtyper.lloperation;

import dev.taipan.rtyper.lltype.LowLevelType;
import java.util.List;

/** The low-level types an operation takes and returns, for the operations that have one fixed. */
public record Signature(List<LowLevelType> args, LowLevelType result) {

    public Signature {
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        var sb = new StringBuilder("(");
        for (int i = 0; i < args.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(args.get(i));
        }
        return sb.append(") -> ").append(result).toString();
    }
}
