package dev.taipan.rtyper.lltype;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random low-level types for the layout tests: raw and Gc structs with every primitive,
 * pointers (to themselves too), inlined substructs, a parent struct first, an array of
 * primitives or structs inlined at the end; and standalone arrays. Each type may use any type
 * generated before it, so shapes nest. Seeded: the same seed gives the same types.
 */
final class RandomShapes {

    private static final Primitive[] VALUES = {
        Primitive.SIGNED, Primitive.UNSIGNED, Primitive.FLOAT, Primitive.BOOL, Primitive.CHAR, Primitive.ADDRESS,
    };

    private final Random random;
    private final List<ContainerType> all = new ArrayList<>();
    private final List<Struct> inlinable = new ArrayList<>();
    private final List<GcStruct> parents = new ArrayList<>();

    RandomShapes(long seed) {
        random = new Random(seed);
    }

    /** Every type generated so far, in order. */
    List<ContainerType> all() {
        return all;
    }

    /** Generates {@code structs} structs and, between them, {@code arrays} arrays. */
    RandomShapes generate(int structs, int arrays) {
        for (int i = 0; i < structs; i++) {
            all.add(struct("T" + all.size()));
            if (i % Math.max(1, structs / Math.max(1, arrays)) == 0 && arrays-- > 0) {
                all.add(array());
            }
        }
        return this;
    }

    private StructType struct(String name) {
        boolean gc = random.nextBoolean();
        StructType s = gc ? GcStruct.forward(name) : Struct.forward(name);
        var fields = new ArrayList<Field>();
        if (gc && !parents.isEmpty() && random.nextInt(3) == 0) {
            fields.add(new Field("super", pick(parents)));
        }
        int n = random.nextInt(gc ? 0 : 1, 7);
        for (int i = 0; i < n; i++) {
            fields.add(new Field("f" + i, fieldType(s)));
        }
        if (random.nextInt(4) == 0) {
            fields.add(new Field("arr", new Array(itemType())));
        }
        s.become(fields);
        if (!s.isVarsize()) {
            switch (s) {
                case GcStruct g -> parents.add(g);
                case Struct r -> inlinable.add(r);
            }
        }
        return s;
    }

    private ArrayType array() {
        LowLevelType item = itemType();
        return random.nextBoolean() ? new GcArray(item) : new Array(item);
    }

    private LowLevelType fieldType(StructType self) {
        return switch (random.nextInt(10)) {
            case 0 -> new Ptr(all.isEmpty() || random.nextBoolean() ? self : pick(all));
            case 1, 2 -> inlinable.isEmpty() ? Primitive.SIGNED : pick(inlinable);
            default -> VALUES[random.nextInt(VALUES.length)];
        };
    }

    private LowLevelType itemType() {
        int k = random.nextInt(8);
        if (k == 0 && !inlinable.isEmpty()) {
            return pick(inlinable);
        }
        if (k == 1 && !all.isEmpty()) {
            return new Ptr(pick(all));
        }
        return VALUES[random.nextInt(VALUES.length)];
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
