package param

import (
	"strconv"
	"strings"
)

// Known says which names a message's unknown name could have been: the nearest
// of known by edit distance when one is close ("did you mean rosenbrock?"), or
// else all of them when there are few, or how many there are, called noun
// ("none of the 21 problems is close"). It keeps messages short: a link with a
// typo gets a line, not a catalogue.
func Known(name string, known []string, noun string) string {
	best, bestD := "", 1<<30
	lower := strings.ToLower(name)
	for _, k := range known {
		if d := distance(lower, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" && bestD <= max(2, len(best)/3) {
		return "did you mean " + best + "?"
	}
	if list := strings.Join(known, ", "); len(list) <= 60 {
		return "known: " + list
	}
	return "none of the " + strconv.Itoa(len(known)) + " " + noun + " is close"
}

// distance is the Levenshtein distance between a and b, by runes, for short names.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 {
		return len(ra) // a long value is no misspelt name
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
