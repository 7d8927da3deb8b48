package dev.taipan.annotator;

/** The description shared by dicts that can meet (PyPy's DictDef): one key and one value annotation. */
public final class DictDef {
    final ListItem key;
    final ListItem value;

    DictDef(Annotator owner) {
        key = new ListItem(owner, "dict key");
        value = new ListItem(owner, "dict value");
    }

    public SomeValue keyValue() {
        return key.value();
    }

    public SomeValue valueValue() {
        return value.value();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DictDef d && d.key.find() == key.find() && d.value.find() == value.find();
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(key.find()) * 31 + System.identityHashCode(value.find());
    }
}
