package problems

// landscapes are surfaces constructed for Descent, each to show one behaviour.
var landscapes = []*Problem{
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
	{
		Name:    "monkey-saddle",
		Title:   "Monkey saddle",
		Formula: "x^3 - 3*x*y^2",
		Description: "A saddle with three valleys (room for two legs and a tail) and no minimum: " +
			"f = r³·cos 3θ falls without end along each valley, so every runner rolls off the picture.",
		Source: "the monkey saddle of D. Hilbert & S. Cohn-Vossen, Geometry and the Imagination, 1932; " +
			"∇f = (3x² − 3y², −6xy) vanishes only at the origin, where the Hessian is zero too",
		XMin: -2, XMax: 2, YMin: -2, YMax: 2,
		Start: [2]float64{0.8, 0.1},
		Scale: Linear,
	},
	{
		Name:    "plateau",
		Title:   "Plateau",
		Formula: "1 - exp(-(x^2 + y^2)/4)",
		Description: "A round well in a wide, almost flat plain: out on the plain the gradient is " +
			"nearly zero, so gradient descent stalls, while Adam and RMSProp, which rescale small gradients, cross it.",
		Source: "constructed for Descent: an upside-down Gaussian, |∇f| = (r/2)·exp(−r²/4), " +
			"below 0.01 beyond r ≈ 4.5; minimum 0 at the origin",
		XMin: -6, XMax: 6, YMin: -6, YMax: 6,
		Start:  [2]float64{-4, 2.5},
		Minima: []Minimum{{0, 0, 0}},
		Scale:  Linear,
	},
	{
		Name:  "gaussian-wells",
		Title: "Two wells in a bowl",
		Formula: "0.05*(x^2 + y^2) - 2*exp(-((x - 2)^2 + y^2)) " +
			"- exp(-((x + 2)^2 + (y - 1)^2))",
		Description: "A weak bowl holding a shallow well on the left and a deeper one on the right: " +
			"from the left, gradient descent settles in the shallow local minimum, " +
			"and only enough momentum carries a runner over the ridge.",
		Source: "constructed for Descent; " + byNewton,
		XMin:   -5, XMax: 5, YMin: -4, YMax: 4,
		Start: [2]float64{-4, 3},
		Minima: []Minimum{
			{1.9511054909078858, 2.9860118757441116e-08, -1.8048837939651008},
			{-1.9037042996435787, 0.9518523373123652, -0.7619704062789243},
		},
		Scale: Linear,
	},
}
