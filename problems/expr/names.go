package expr

import (
	"math"
	"strings"
)

// function describes a function of the grammar.
type function struct {
	op    op
	arity int    // number of arguments; variadic ones take at least this many
	args  string // the parameters as written in messages, "(x)" or "(y, x)"
}

// variadic reports whether f folds any number (≥ f.arity) of arguments left to right.
func (f function) variadic() bool { return f.op == opMin || f.op == opMax }

// functions are the grammar's functions by lower-case name. log also takes a base,
// log(b, x), handled by the parser.
var functions = map[string]function{
	"sin": {opSin, 1, "(x)"}, "cos": {opCos, 1, "(x)"}, "tan": {opTan, 1, "(x)"},
	"asin": {opAsin, 1, "(x)"}, "acos": {opAcos, 1, "(x)"}, "atan": {opAtan, 1, "(x)"},
	"atan2": {opAtan2, 2, "(y, x)"},
	"sinh":  {opSinh, 1, "(x)"}, "cosh": {opCosh, 1, "(x)"}, "tanh": {opTanh, 1, "(x)"},
	"asinh": {opAsinh, 1, "(x)"}, "acosh": {opAcosh, 1, "(x)"}, "atanh": {opAtanh, 1, "(x)"},
	"exp": {opExp, 1, "(x)"}, "expm1": {opExpm1, 1, "(x)"},
	"log": {opLog, 1, "(x) or log(b, x)"}, "ln": {opLog, 1, "(x)"},
	"log1p": {opLog1p, 1, "(x)"}, "log2": {opLog2, 1, "(x)"}, "log10": {opLog10, 1, "(x)"},
	"sqrt": {opSqrt, 1, "(x)"}, "cbrt": {opCbrt, 1, "(x)"},
	"abs": {opAbs, 1, "(x)"}, "sign": {opSign, 1, "(x)"},
	"min": {opMin, 2, "(a, b, …)"}, "max": {opMax, 2, "(a, b, …)"},
	"pow": {opPow, 2, "(x, p)"}, "hypot": {opHypot, 2, "(x, y)"},
	"floor": {opFloor, 1, "(x)"}, "ceil": {opCeil, 1, "(x)"}, "round": {opRound, 1, "(x)"},
	"mod": {opMod, 2, "(a, b)"},
}

// constants are the grammar's named numbers by lower-case name.
var constants = map[string]float64{"pi": math.Pi, "e": math.E, "tau": 2 * math.Pi, "phi": math.Phi}

// constantNames lists the constants in the order messages give them; the
// functions are listed by FunctionNames, sorted when a message needs them, not
// as the program starts.
var constantNames = []string{"pi", "e", "tau", "phi"}

// isReserved reports whether the lower-case name belongs to the grammar.
func isReserved(lower string) bool {
	_, isFunc := functions[lower]
	_, isConst := constants[lower]
	return isFunc || isConst || lower == "x" || lower == "y"
}

// nearest returns the candidate closest to name by edit distance (insertions,
// deletions, substitutions and swaps of neighbours), if one is close enough to be a
// likely misspelling: one edit for names of two to four letters, two beyond. Of
// equally close candidates the one nearest in length wins, so tahn suggests tanh
// (one swap) rather than tan (one deletion).
func nearest(name string, candidates []string) (string, bool) {
	limit := 1
	switch {
	case len(name) < 2:
		return "", false
	case len(name) > 4:
		limit = 2
	}
	lower := strings.ToLower(name)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		d := editDistance(lower, c)
		if d < bestDist || d == bestDist && d <= limit && lengthGap(c, lower) < lengthGap(best, lower) {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

func lengthGap(a, b string) int { return max(len(a)-len(b), len(b)-len(a)) }

// editDistance is the optimal-string-alignment distance between a and b.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// splitProduct splits a name such as "xy" or "pix" into the variables and constants
// it runs together ("x y", "pi x"), and gives how many; 0 if it cannot.
func splitProduct(lower string, consts map[string]float64) (string, int) {
	var parts []string
	for rest := lower; rest != ""; {
		found := ""
		for _, n := range append([]string{"x", "y"}, constantNames...) {
			if strings.HasPrefix(rest, n) && len(n) > len(found) {
				found = n
			}
		}
		for n := range consts {
			if strings.HasPrefix(rest, n) && len(n) > len(found) {
				found = n
			}
		}
		if found == "" {
			return "", 0
		}
		parts = append(parts, found)
		rest = rest[len(found):]
	}
	return strings.Join(parts, " "), len(parts)
}
