package reference

import "math"

// memorySize is how many curvature pairs L-BFGS keeps: gonum's default
// (optimize.LBFGS.Store). On a 2-D surface a handful would do, but the same
// memory keeps the paths comparable with gonum's.
const memorySize = 15

// memory holds the latest curvature pairs sₖ = xₖ₊₁ − xₖ and yₖ = ∇fₖ₊₁ − ∇fₖ,
// oldest first from index start, in a ring that allocates nothing.
type memory struct {
	s, y  [memorySize][2]float64
	rho   [memorySize]float64 // 1/(sᵀy)
	start int
	n     int
}

// add stores the pair (s, y), dropping the oldest when the memory is full. A
// pair with sᵀy ≤ 0 would make the implicit inverse Hessian indefinite, so it
// is skipped (Nocedal & Wright §7.2 and §6.1); a strong Wolfe step never gives
// one, save through rounding.
func (m *memory) add(s, y [2]float64) {
	sy := dot(s, y)
	if !(sy > 0) || math.IsInf(sy, 1) {
		return
	}
	i := (m.start + m.n) % memorySize
	if m.n == memorySize {
		m.start = (m.start + 1) % memorySize
	} else {
		m.n++
	}
	m.s[i], m.y[i], m.rho[i] = s, y, 1/sy
}

// direction sets dir to the search direction −H∇f, with H the L-BFGS
// approximation of the inverse Hessian, computed by the two-loop recursion
// (Nocedal & Wright, Algorithm 7.4) from H₀ = γI, γ = sᵀy/yᵀy of the newest
// pair (their eq. 7.20). It returns the line search's first trial step: 1,
// or, with no pair yet, the steepest-descent step of length 1, 1/|∇f|, as
// gonum's LBFGS starts.
func (m *memory) direction(dir *[2]float64, grad [2]float64) (step float64) {
	q := grad
	if m.n == 0 {
		*dir = [2]float64{-q[0], -q[1]}
		return 1 / math.Hypot(q[0], q[1])
	}
	var alpha [memorySize]float64
	for k := m.n - 1; k >= 0; k-- { // newest to oldest
		i := (m.start + k) % memorySize
		alpha[i] = m.rho[i] * dot(m.s[i], q)
		q[0] -= alpha[i] * m.y[i][0]
		q[1] -= alpha[i] * m.y[i][1]
	}
	newest := (m.start + m.n - 1) % memorySize
	gamma := 1 / (m.rho[newest] * dot(m.y[newest], m.y[newest]))
	r := [2]float64{gamma * q[0], gamma * q[1]}
	for k := 0; k < m.n; k++ { // oldest to newest
		i := (m.start + k) % memorySize
		beta := m.rho[i] * dot(m.y[i], r)
		r[0] += (alpha[i] - beta) * m.s[i][0]
		r[1] += (alpha[i] - beta) * m.s[i][1]
	}
	*dir = [2]float64{-r[0], -r[1]}
	return 1
}
