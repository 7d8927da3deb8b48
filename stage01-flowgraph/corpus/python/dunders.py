"""Container and comparison protocols: __eq__/__hash__/__lt__ (total ordering by hand),
__len__, __getitem__ with slices, __setitem__, __iter__, __contains__, __bool__, __call__."""


class Card:
    RANKS = "23456789TJQKA"

    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return (self.rank, self.suit) == (other.rank, other.suit)

    def __hash__(self):
        return hash((self.rank, self.suit))

    def __lt__(self, other):
        return Card.RANKS.index(self.rank) < Card.RANKS.index(other.rank)

    def __repr__(self):
        return "Card(%r, %r)" % (self.rank, self.suit)

    def __str__(self):
        return self.rank + self.suit


class Hand:
    def __init__(self, cards):
        self.cards = list(cards)

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Hand(self.cards[index])
        return self.cards[index]

    def __setitem__(self, index, card):
        self.cards[index] = card

    def __contains__(self, card):
        return card in self.cards

    def __iter__(self):
        return iter(self.cards)

    def __bool__(self):
        return bool(self.cards)

    def __call__(self, suit):
        return [str(c) for c in self.cards if c.suit == suit]

    def __str__(self):
        return " ".join(str(c) for c in self)


hand = Hand([Card("K", "h"), Card("3", "s"), Card("A", "h"), Card("9", "d")])
print(len(hand), hand[0], repr(hand[-1]), str(hand[1:3]))
print(Card("A", "h") in hand, Card("A", "s") in hand)
print(" ".join(str(c) for c in sorted(hand)), max(hand), min(hand))
print(Card("2", "c") == Card("2", "c"), Card("2", "c") != Card("2", "d"), Card("2", "c") == 2)
print(Card("5", "h") > Card("4", "h"), len({Card("2", "c"), Card("2", "c"), Card("3", "c")}))
hand[1] = Card("Q", "h")
print(hand("h"), bool(hand), bool(Hand([])))
it = iter(hand)
print(next(it), next(it))
print(list(reversed(hand.cards))[0], hand.cards.index(Card("A", "h")))

# expect: 4 Kh Card('9', 'd') 3s Ah
# expect: True False
# expect: 3s 9d Kh Ah Ah 3s
# expect: True True False
# expect: True 2
# expect: ['Kh', 'Qh', 'Ah'] True False
# expect: Kh Qh
# expect: 9d 2
