package problems

import "descent/problems/expr"

// catalog is every built-in problem, in display order. Formula is each one's only
// definition; Expr is filled from it at init.
var catalog = []*Problem{
	{
		Name:    "quadratic",
		Title:   "Well-conditioned quadratic",
		Formula: "x^2 + y^2",
		Description: "A round bowl (a₁ = a₂ = 1): the gradient points straight at the minimum, " +
			"so gradient descent heads right for it; it is stable for learning rates below 1.",
		Source: "course notes §3.3, f = a₁x₁² + a₂x₂² with a₁ = a₂ (Figure 2a)",
		XMin:   -5, XMax: 5, YMin: -5, YMax: 5,
		Start:  [2]float64{-4, 3},
		Minima: []Minimum{{0, 0, 0}},
		Scale:  Log,
	},
	{
		Name:    "ill-conditioned",
		Title:   "Ill-conditioned quadratic",
		Formula: "0.1*x^2 + 10*y^2",
		Description: "A long narrow valley (a₁ = 0.1, a₂ = 10; Hessian diag(0.2, 20), condition number 100): " +
			"gradient descent zig-zags across it and diverges for learning rates above 0.1 = 2/20, " +
			"yet crawls along it, since any rate it survives is tiny for the flat direction.",
		Source: "course notes §3.3, f = a₁x₁² + a₂x₂² with a₂ ≫ a₁ (Figures 2b, 2c, 3, 4)",
		XMin:   -5, XMax: 5, YMin: -3, YMax: 3,
		Start:  [2]float64{-4.5, 2},
		Minima: []Minimum{{0, 0, 0}},
		Scale:  Log,
	},
	{
		Name:    "rosenbrock",
		Title:   "Rosenbrock's banana",
		Formula: "(1-x)^2 + 100*(y-x^2)^2",
		Description: "A curved, flat-bottomed valley: finding the valley is easy, " +
			"following it to the minimum at (1, 1) is slow.",
		Source: "H. H. Rosenbrock, The Computer Journal 3(3):175–184, 1960; " +
			"start (−1.2, 1) as in Moré, Garbow & Hillstrom, ACM TOMS 7(1), 1981; " +
			"see also Wikipedia, \"Test functions for optimization\"",
		XMin: -2, XMax: 2, YMin: -1, YMax: 3,
		Start:  [2]float64{-1.2, 1},
		Minima: []Minimum{{1, 1, 0}},
		Scale:  Log,
	},
	{
		Name:    "beale",
		Title:   "Beale's function",
		Formula: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
		Description: "Flat plateaus and steep walls that rise by five decades: " +
			"fixed step sizes struggle, adaptive ones cope.",
		Source: "E. M. L. Beale, On an iterative method for finding a local minimum of a " +
			"function of more than one variable, Princeton tech. report 25, 1958; " +
			"start (1, 1) as in Moré, Garbow & Hillstrom, ACM TOMS 7(1), 1981; " +
			"see also Wikipedia, \"Test functions for optimization\"",
		XMin: -4.5, XMax: 4.5, YMin: -4.5, YMax: 4.5,
		Start:  [2]float64{1, 1},
		Minima: []Minimum{{3, 0.5, 0}},
		Scale:  Log,
	},
	{
		Name:    "himmelblau",
		Title:   "Himmelblau's function",
		Formula: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
		Description: "Four equal minima around a hill: starting near the hilltop, " +
			"each optimizer may roll into a different one.",
		Source: "D. M. Himmelblau, Applied Nonlinear Programming, McGraw-Hill, 1972; " +
			"minima refined by Newton's method (see catalog_test.go); " +
			"see also Wikipedia, \"Himmelblau's function\"",
		XMin: -5, XMax: 5, YMin: -5, YMax: 5,
		Start: [2]float64{-0.5, -0.5},
		Minima: []Minimum{
			{3, 2, 0},
			{-2.805118086952745, 3.131312518250573, 0},
			{-3.779310253377747, -3.2831859912861696, 0},
			{3.5844283403304917, -1.8481265269644034, 0},
		},
		Scale: Log,
	},
	{
		Name:    "saddle",
		Title:   "Saddle point",
		Formula: "x^2 + y^4/4 - y^2/2",
		Description: "A saddle at the origin between two minima at (0, ±1): starting just off " +
			"the saddle, the gradient is tiny and plain gradient descent lingers, momentum escapes sooner.",
		Source: "constructed for Descent: ∇f = (2x, y³ − y) vanishes at (0, 0), a saddle, " +
			"and at (0, ±1), minima with f = −1/4",
		XMin: -5, XMax: 5, YMin: -2.5, YMax: 2.5,
		Start:  [2]float64{-4, 0.01},
		Minima: []Minimum{{0, 1, -0.25}, {0, -1, -0.25}},
		Scale:  Linear,
	},
}

// defaultName is the problem the app opens on.
const defaultName = "ill-conditioned"

// byName indexes catalog by Name.
var byName = make(map[string]*Problem, len(catalog))

func init() {
	for _, p := range catalog {
		e, err := expr.Parse(p.Formula)
		if err != nil {
			panic("problems: built-in " + p.Name + ": " + err.Error())
		}
		p.Expr = e
		if _, dup := byName[p.Name]; dup {
			panic("problems: duplicate built-in name " + p.Name)
		}
		byName[p.Name] = p
	}
	if byName[defaultName] == nil {
		panic("problems: default " + defaultName + " is not a built-in")
	}
}

// All returns the built-in problems in display order. The slice is a fresh copy; the
// problems are shared and must not be modified.
func All() []*Problem {
	return append([]*Problem(nil), catalog...)
}

// Lookup returns the built-in problem with the given Name.
func Lookup(name string) (*Problem, bool) {
	p, ok := byName[name]
	return p, ok
}

// Default returns the problem the app opens on, the notes' ill-conditioned quadratic.
func Default() *Problem { return byName[defaultName] }
