package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.fuzz.Plan.Callable;
import dev.taipan.flowgraph.fuzz.Plan.Effects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the generator stands inside one body: the names it can read (with their types), the
 * exceptions the enclosing {@code try} bodies catch, the container types an enclosing loop
 * iterates over (frozen: mutating one would be a RuntimeError on CPython or an endless loop),
 * and how many times this point may run per call (the product of the enclosing loops' trip
 * counts). A nested block gets a child scope: names defined there are not visible after it, so
 * no local is ever read where it may be unbound, and every name is fresh, so no local ever has
 * two types.
 */
final class Scope {

    /** What one body has spent and may do; shared by all the scopes inside that body. */
    static final class Body {
        final Callable fn;
        final long budget;
        final long lineBudget;
        long cost;
        long lines;
        final Set<String> raises = new HashSet<>();
        final Set<Ty> mutates = new HashSet<>();
        private int fresh;
        boolean recursed;

        Body(Callable fn, long budget, long lineBudget) {
            this.fn = fn;
            this.budget = budget;
            this.lineBudget = lineBudget;
        }

        String fresh(String prefix) {
            return prefix + fresh++;
        }

        Effects effects(long timesRun) {
            return new Effects(Math.max(1, cost) * timesRun, lines * timesRun, raises, mutates);
        }
    }

    final Body body;
    final Map<String, Ty> vars;
    final Set<String> readOnly;
    final Set<Ty> frozen;
    /** The exceptions caught by each enclosing try body, innermost last. */
    final List<List<String>> handlers;
    final long multiplier;
    final boolean inLoop;
    final int nesting;

    private Scope(Body body, Map<String, Ty> vars, Set<String> readOnly, Set<Ty> frozen,
                  List<List<String>> handlers, long multiplier, boolean inLoop, int nesting) {
        this.body = body;
        this.vars = vars;
        this.readOnly = readOnly;
        this.frozen = frozen;
        this.handlers = handlers;
        this.multiplier = multiplier;
        this.inLoop = inLoop;
        this.nesting = nesting;
    }

    static Scope top(Body body) {
        return new Scope(body, new LinkedHashMap<>(), new HashSet<>(), Set.of(), List.of(), 1, false, 0);
    }

    /** A nested block (the body of an if, an else, a handler). */
    Scope child() {
        return new Scope(body, new LinkedHashMap<>(vars), new HashSet<>(readOnly), frozen, handlers, multiplier,
                inLoop, nesting + 1);
    }

    /** A loop body run up to {@code trips} times per entry; {@code iterated} may not change inside. */
    Scope loop(long trips, Ty iterated) {
        Set<Ty> f = new HashSet<>(frozen);
        if (iterated != null) {
            f.add(iterated);
        }
        return new Scope(body, new LinkedHashMap<>(vars), new HashSet<>(readOnly), Set.copyOf(f), handlers,
                multiplier * Math.max(1, trips), true, nesting + 1);
    }

    /**
     * An expression evaluated between a guard on {@code container} and its use
     * ({@code if len(l) > 0: l.pop(i % len(l))}): it must not change the container.
     */
    Scope freezing(Ty container) {
        Set<Ty> f = new HashSet<>(frozen);
        f.add(container);
        return new Scope(body, vars, readOnly, Set.copyOf(f), handlers, multiplier, inLoop, nesting);
    }

    /** The body of a try whose handlers catch {@code caught}. */
    Scope tryBody(List<String> caught) {
        List<List<String>> h = new ArrayList<>(handlers);
        h.add(List.copyOf(caught));
        return new Scope(body, new LinkedHashMap<>(vars), new HashSet<>(readOnly), frozen, List.copyOf(h),
                multiplier, inLoop, nesting + 1);
    }

    /** A comprehension's element: run {@code trips} times, with no statements (so no break). */
    Scope comprehension(long trips, Ty iterated) {
        Scope s = loop(trips, iterated);
        return new Scope(body, s.vars, s.readOnly, s.frozen, handlers, s.multiplier, false, nesting);
    }

    Scope define(String name, Ty type) {
        vars.put(name, type);
        return this;
    }

    /**
     * May an exception of class {@code exc} be raised here? Yes when an enclosing try catches
     * it, or when the body's callable may let it escape (then it is recorded as escaping).
     */
    boolean raising(String exc, Plan plan) {
        for (List<String> caught : handlers) {
            if (caught.stream().anyMatch(h -> plan.catches(h, exc))) {
                return true;
            }
        }
        if (body.fn.raisy) {
            body.raises.add(exc);
            return true;
        }
        return false;
    }

    boolean allowsRaising(String exc, Plan plan) {
        return handlers.stream().anyMatch(c -> c.stream().anyMatch(h -> plan.catches(h, exc))) || body.fn.raisy;
    }

    /** Can this point afford {@code ops} more operations per run, given how often it runs? */
    boolean affords(long ops) {
        return body.cost + ops * multiplier <= body.budget;
    }

    void spend(long ops) {
        body.cost += ops * multiplier;
    }

    boolean affordsLines(long lines) {
        return body.lines + lines * multiplier <= body.lineBudget;
    }

    void print(long lines) {
        body.lines += lines * multiplier;
    }

    /** May this point call a callable with these effects? Every condition of the plan's contract. */
    boolean mayCall(Effects e, Plan plan) {
        return affords(e.cost()) && affordsLines(e.lines())
                && e.mutates().stream().noneMatch(frozen::contains)
                && e.raises().stream().allMatch(x -> allowsRaising(x, plan));
    }

    /** Records a call's effects at this point. */
    void call(Effects e, Plan plan) {
        spend(e.cost());
        print(e.lines());
        body.mutates.addAll(e.mutates());
        e.raises().forEach(x -> raising(x, plan));
    }

    /** May a container of this type be mutated here? */
    boolean mayMutate(Ty container) {
        return !frozen.contains(container);
    }

    void mutate(Ty container) {
        body.mutates.add(container);
    }
}
