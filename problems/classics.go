package problems

import "math"

// Sources most classic test functions share.
const (
	// wikipedia is where a learner can read more about nearly all of them.
	wikipedia = "Wikipedia, \"Test functions for optimization\""
	// jamilYang is a survey that states each function with its domain and minima.
	jamilYang = "M. Jamil & X.-S. Yang, A literature survey of benchmark functions for global optimization " +
		"problems, Int. J. Math. Modelling and Numerical Optimisation 4(2):150–194, 2013"
	// surjanovic is the Virtual Library of Simulation Experiments, with domains and minima.
	surjanovic = "S. Surjanovic & D. Bingham, Virtual Library of Simulation Experiments, www.sfu.ca/~ssurjano"
	// byNewton is where minima without a closed form come from.
	byNewton = "minima refined by Newton's method (see catalog_test.go)"
)

// styblinskiTangLow and styblinskiTangHigh are the minima of t⁴ − 16t² + 5t: the
// roots of its derivative 4t³ − 32t + 5 left and right of the local maximum near 0.157.
const (
	styblinskiTangLow  = -2.903534027771177
	styblinskiTangHigh = 2.746802770990837
)

// classics are the test functions of the optimization literature.
var classics = []*Problem{
	{
		Name:    "rosenbrock",
		Title:   "Rosenbrock's banana",
		Formula: "(1-x)^2 + 100*(y-x^2)^2",
		Description: "A curved, flat-bottomed valley: finding the valley is easy, " +
			"following it to the minimum at (1, 1) is slow.",
		Source: "H. H. Rosenbrock, The Computer Journal 3(3):175–184, 1960; " +
			"start (−1.2, 1) as in Moré, Garbow & Hillstrom, ACM TOMS 7(1), 1981; " +
			"see also " + wikipedia,
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
			"see also " + wikipedia,
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
			byNewton + "; see also Wikipedia, \"Himmelblau's function\"",
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
		Name:    "booth",
		Title:   "Booth's function",
		Formula: "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
		Description: "A tilted bowl with its minimum at (1, 3) and a mild condition number of 9: " +
			"a baseline that every optimizer should solve.",
		Source: jamilYang + " (no. 24); Hessian [[10, 8], [8, 10]], eigenvalues 18 and 2; see also " + wikipedia,
		XMin:   -10, XMax: 10, YMin: -10, YMax: 10,
		Start:  [2]float64{-8, -6},
		Minima: []Minimum{{1, 3, 0}},
		Scale:  Log,
	},
	{
		Name:    "matyas",
		Title:   "Matyas function",
		Formula: "0.26*(x^2 + y^2) - 0.48*x*y",
		Description: "A shallow trough along the diagonal y = x (condition number 25): " +
			"the walls are gentle, the floor is almost flat, and gradient descent creeps along it.",
		Source: jamilYang + " (no. 71); Hessian [[0.52, −0.48], [−0.48, 0.52]], eigenvalues 1 and 0.04; " +
			"see also " + wikipedia,
		XMin: -10, XMax: 10, YMin: -10, YMax: 10,
		Start:  [2]float64{-7, 9},
		Minima: []Minimum{{0, 0, 0}},
		Scale:  Log,
	},
	{
		Name:  "goldstein-price",
		Title: "Goldstein–Price function",
		Formula: "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2)) * " +
			"(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
		Description: "Values spanning six decades, with three local minima (f = 30, 84 and 840) " +
			"around the global one, f = 3 at (0, −1): from the default start, gradient descent ends in the worst, f = 840.",
		Source: "A. A. Goldstein & J. F. Price, On descent from local minima, Mathematics of Computation " +
			"25(115):569–574, 1971; local minima as in " + surjanovic + ", checked by Newton's method " +
			"(see catalog_test.go); see also " + wikipedia,
		XMin: -2, XMax: 2, YMin: -2, YMax: 2,
		Start: [2]float64{0.5, 1},
		Minima: []Minimum{
			{0, -1, 3},
			{-0.6, -0.4, 30},
			{1.8, 0.2, 84},
			{1.2, 0.8, 840},
		},
		Scale: Log,
	},
	{
		Name:    "mccormick",
		Title:   "McCormick function",
		Formula: "sin(x + y) + (x - y)^2 - 1.5*x + 2.5*y + 1",
		Description: "A valley along x − y = 1 with a sine wave along its floor: " +
			"the global minimum is at the lower left, a local one waits at the upper right.",
		Source: "G. P. McCormick, Computational aspects of nonlinear programming, 1976, via " + jamilYang +
			" (no. 69); ∇f = 0 gives x − y = 1 and cos(x + y) = −½, so the minima are " +
			"x + y = −2π/3 (f = −√3/2 − π/3) and, inside the domain, x + y = 4π/3 (f = −√3/2 + 2π/3)",
		XMin: -1.5, XMax: 4, YMin: -3, YMax: 4,
		Start: [2]float64{3.5, -2.5},
		Minima: []Minimum{
			{0.5 - math.Pi/3, -0.5 - math.Pi/3, -math.Sqrt(3)/2 - math.Pi/3},
			{0.5 + 2*math.Pi/3, -0.5 + 2*math.Pi/3, -math.Sqrt(3)/2 + 2*math.Pi/3},
		},
		Scale: Linear,
	},
	{
		Name:    "three-hump-camel",
		Title:   "Three-hump camel",
		Formula: "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2",
		Description: "A global minimum at the origin between two shallow local minima: " +
			"a runner coming in from the side can stop in a local one.",
		Source: "F. H. Branin, Widely convergent method for finding multiple solutions of simultaneous " +
			"nonlinear equations, IBM J. Res. Dev. 16(5):504–522, 1972, via " + jamilYang + " (no. 29); " +
			"local minima ±(1.7476, −0.8738) " + byNewton,
		XMin: -3, XMax: 3, YMin: -3, YMax: 3,
		Start: [2]float64{-2.5, -2},
		Minima: []Minimum{
			{0, 0, 0},
			{1.747552345830289, -0.8737761729151445, 0.29863844223685965},
			{-1.747552345830289, 0.8737761729151445, 0.29863844223685965},
		},
		Scale: Log,
	},
	{
		Name:    "six-hump-camel",
		Title:   "Six-hump camel",
		Formula: "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2",
		Description: "Six minima: two equal global ones, f ≈ −1.0316 at ±(0.0898, −0.7126), " +
			"and four local ones further out.",
		Source: "L. C. W. Dixon & G. P. Szegő, The global optimisation problem: an introduction, in " +
			"Towards Global Optimisation 2, North-Holland, 1978; minima as quoted in " + surjanovic +
			", " + byNewton,
		XMin: -2.5, XMax: 2.5, YMin: -1.5, YMax: 1.5,
		Start: [2]float64{-2.2, -1.2},
		Minima: []Minimum{
			{0.08984201310031806, -0.7126564030207396, -1.0316284534898774},
			{-0.08984201310031806, 0.7126564030207396, -1.0316284534898774},
			{-1.7036067149699807, 0.7960835686726251, -0.21546382438371725},
			{1.7036067149699807, -0.7960835686726251, -0.21546382438371725},
			{1.6071047529201972, 0.5686514548841314, 2.104250310311258},
			{-1.6071047529201972, -0.5686514548841314, 2.104250310311258},
		},
		Scale: Log,
	},
	{
		Name:    "styblinski-tang",
		Title:   "Styblinski–Tang function",
		Formula: "(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)/2",
		Description: "Four minima, one per quadrant around a hilltop, the deepest at (−2.90, −2.90): " +
			"which one a runner reaches depends on its first steps off the hill.",
		Source: "M. A. Styblinski & T.-S. Tang, Experiments in nonconvex optimization: stochastic " +
			"approximation with function smoothing and simulated annealing, Neural Networks 3(4):467–483, 1990; " +
			"each coordinate sits at a root of 4t³ − 32t + 5 (−2.903534, 2.746803), " + byNewton,
		XMin: -5, XMax: 5, YMin: -5, YMax: 5,
		Start: [2]float64{0.5, 0.3},
		Minima: []Minimum{
			{styblinskiTangLow, styblinskiTangLow, -78.33233140754284},
			{styblinskiTangLow, styblinskiTangHigh, -64.19561235905536},
			{styblinskiTangHigh, styblinskiTangLow, -64.19561235905536},
			{styblinskiTangHigh, styblinskiTangHigh, -50.05889331056789},
		},
		Scale: Linear,
	},
	{
		Name:    "rastrigin",
		Title:   "Rastrigin function",
		Formula: "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
		Description: "A bowl covered in bumps, with many local minima (one near every point of whole " +
			"numbers) and the global minimum 0 at the origin: gradient descent stops in the nearest dip.",
		Source: "L. A. Rastrigin, Systems of extremal control, Nauka, Moscow, 1974, in 2-D with A = 10 as in " +
			wikipedia + "; only the global minimum is listed",
		XMin: -5.12, XMax: 5.12, YMin: -5.12, YMax: 5.12,
		Start:  [2]float64{-3.6, 2.7},
		Minima: []Minimum{{0, 0, 0}},
		Scale:  Linear,
	},
	{
		Name:  "ackley",
		Title: "Ackley function",
		Formula: "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) " +
			"+ e + 20",
		Description: "A bumpy, nearly flat plain around one deep funnel at the origin: " +
			"the local slope mostly points into the nearest bump's dip, not to the funnel.",
		Source: "D. H. Ackley, A connectionist machine for genetic hillclimbing, Kluwer, 1987, with " +
			"a = 20, b = 0.2, c = 2π as in " + wikipedia + "; only the global minimum is listed",
		XMin: -5, XMax: 5, YMin: -5, YMax: 5,
		Start:  [2]float64{-3.7, 2.9},
		Minima: []Minimum{{0, 0, 0}},
		Scale:  Linear,
	},
}
