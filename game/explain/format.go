package explain

import (
	"strconv"
	"strings"
)

// digits is how many significant digits a number shows: enough to follow a
// step by hand, few enough to read at a glance.
const digits = 4

// num formats x with digits significant digits and a true minus sign.
func num(x float64) string {
	if x == 0 {
		x = 0 // not −0
	}
	return strings.ReplaceAll(strconv.FormatFloat(x, 'g', digits, 64), "-", "−")
}

// pair formats a vector of the plane as (x, y).
func pair(v [2]float64) string { return "(" + num(v[0]) + ", " + num(v[1]) + ")" }

// matrix formats a 2×2 matrix row by row as [[a, b], [c, d]].
func matrix(m [2][2]float64) string {
	return "[[" + num(m[0][0]) + ", " + num(m[0][1]) + "], [" + num(m[1][0]) + ", " + num(m[1][1]) + "]]"
}
