package control

import (
	"math"
	"strconv"

	"descent/game/config"
	"descent/game/view"
	"descent/optim/param"
	"descent/problems"
	"descent/problems/biasvar"
)

// The scene's sliders: their ranges are biasvar's checks (n and the seed the
// regression problem's, trials MaxTrials), the λ slider spans the λ chart's axis.
var (
	bvLambdaKnob = param.Param{Name: "lambda", Symbol: "λ", Help: "The ridge penalty λ‖θ‖²: it pulls every fit towards 0 (type 0 for least squares).",
		Min: 1e-3, Max: 1e3, Log: true}
	bvSigmaKnob = param.Param{Name: "sigma", Symbol: "σ", Help: "The noise's standard deviation σ.", Min: 0, Max: 5}
	bvNKnob     = param.Param{Name: "n", Symbol: "n", Help: "How many points a dataset has.", Min: 2, Max: 1000, Log: true, Integer: true}
	bvTrialKnob = param.Param{Name: "trials", Symbol: "trials", Help: "How many datasets the Monte Carlo draws.", Min: 2, Max: biasvar.MaxTrials, Log: true, Integer: true}
)

// scenePanel is the bias–variance scene's panel: presets, the experiment's
// settings, the colours' key, the numbers, the way back to the race, the link.
func (c *Controller) scenePanel(base string) Node {
	cfg, bv := c.cfg, c.bv
	b := &bv.boards[0]
	s := b.spec
	root, section := panelRoot()
	section("Ready-made setups", presetControls(presetOf(cfg))...)

	if cfg.Dartboard {
		kids := []Node{El("p", "class", "about").Say("Each dart is one dataset's fit θ̃, the white cross-hair the true θ; red: the closed-form mean and 1 and 2 sd ellipses, green: the darts' own.")}
		for i, p := range biasvar.Dartboard() {
			kids = append(kids, El("p", "class", "caption", "id", "caption-"+strconv.Itoa(i)).Say(c.boardPlace(i)+": "+p.Caption))
		}
		section("Figure 1 · four dartboards", kids...)
		section("", El("button", "id", "bv-single", "type", "button").Say("Explore one experiment").
			Sends("click", func(string) Command { return Configure{Hash: "dartboard=0"} }))
		section("Share", El("input", "id", "link", "type", "text", "readonly", "true", "aria-label", "Link to this view").Shows(base+"#"+cfg.Hash()))
		return *root
	}

	set := func(key string) func(string) Command {
		return func(v string) Command { return SetScene{Key: key, Text: v} }
	}
	knob := func(p param.Param, v float64) Node {
		return row(Knob{Runner: ProblemKnob, Owner: config.BiasVariance, Param: p, Value: v}, "bv-"+p.Name, set(p.Name))
	}
	designs := El("select", "id", "bv-design", "aria-label", "Design")
	for _, d := range []problems.Design{problems.DesignLine, problems.DesignDiagonal, problems.DesignRandom, problems.DesignUniform} {
		designs = designs.With(option(d.String(), d.String()))
	}
	pair := func(v [2]float64) string { return formatValue(v[0]) + "," + formatValue(v[1]) }
	text := func(id, sym, help, value, key string) Node {
		return El("label", "class", "param", "title", help).With(El("span", "class", "sym").Say(sym),
			El("input", "id", id, "class", "num", "type", "text", "aria-label", help).Shows(value).Sends("change", set(key)))
	}
	section("The experiment: Y = Xθ + ε",
		El("label", "class", "param", "title", "How the inputs are laid out").With(El("span", "class", "sym").Say("X"),
			designs.Shows(s.Design.String()).Sends("change", set("design"))),
		knob(bvLambdaKnob, s.Lambda), knob(bvSigmaKnob, s.Sigma), knob(bvNKnob, float64(s.N)), knob(bvTrialKnob, float64(s.Trials)),
		text("bv-theta", "θ", "The true θ, a,b: click the parameter space to move it", pair(s.Theta), "theta"),
		text("bv-x0", "x₀", "The test input x₀, a,b", pair(s.X0), "x0"),
		text("bv-seed", "seed", "Which datasets: the same seed draws the same ones", strconv.FormatUint(s.Seed, 10), "seed"),
		El("div", "class", "note").Say("Click the parameter space to move θ; click the λ chart, or drag sideways, to set λ."))

	key := func(col string, what string) Node {
		n := El("span", "class", "dot")
		n.Style = [][2]string{{"background", col}}
		return El("div", "class", "key").With(n, El("span").Say(" "+what))
	}
	section("What is drawn",
		key(view.CSS(bvDart), "one dataset's fit θ̃ₖ (a dart)"),
		key(view.CSS(bvFit), "this dataset's fit; the field is its objective ‖Y − Xθ‖² + λ‖θ‖²"),
		key(view.CSS(bvTruth), "the true θ (and line)"),
		key(view.CSS(bvTheory), "E[θ̃] with 1 and 2 sd ellipses (closed form), the bias arrow; bias² on the chart"),
		key(view.CSS(bvSampleC), "the darts' own mean and 1 sd ellipse"),
		key(view.CSS(bvVariance), "variance (chart); ±1 sd of the prediction at t₀ (data)"),
		key(view.CSS(bvNoise), "σ² (chart); white: the expected error; yellow line: the best λ"),
		El("p", "class", "about").Say("The λ chart runs from λ = 10⁻³ to 10³ on a log axis; dots are the Monte Carlo figures at the current λ. "+
			"With the line design, the data space plots y against t, X's rows being (1, t)."))

	section("The numbers", c.numbers(b)...)

	race := El("button", "id", "bv-race", "type", "button").Say("Race optimizers on this dataset")
	if _, hash, err := s.Regression(); err != nil {
		race.Attrs = append(race.Attrs, [2]string{"disabled", "true"}, [2]string{"title", err.Error()})
	} else {
		race = race.Sends("click", func(string) Command { return Configure{Hash: "scene=race&problem=" + hash} })
		race.Attrs = append(race.Attrs, [2]string{"title", "The regression problem with this very dataset: its loss is this objective divided by n"})
	}
	section("Back to the optimizers", race)
	section("Share", El("input", "id", "link", "type", "text", "readonly", "true", "aria-label", "Link to this view").Shows(base+"#"+cfg.Hash()))
	return *root
}

// boardPlace names where dartboard panel i is on the screen now.
func (c *Controller) boardPlace(i int) string {
	if c.screen.W < 2*c.screen.H {
		return [4]string{"Top left", "Top right", "Bottom left", "Bottom right"}[i]
	}
	return [4]string{"First", "Second", "Third", "Fourth"}[i]
}

// num writes a figure with four significant digits; rounding noise about zero
// (below numZero, as a closed form's off-diagonal −5e-18) is written 0.
func num(v float64) string {
	if math.Abs(v) < numZero {
		v = 0
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// numZero is where num writes 0: a thousand times float64's rounding (2.2e-16) of
// figures of order 1.
const numZero = 1e-13

// numbers is the numbers section: each closed form beside its Monte Carlo estimate
// and standard error (Gaussian formulas), and the notes' formulas with the
// current numbers filled in.
func (c *Controller) numbers(b *board) []Node {
	th, sm, s := b.theory, b.sample, b.spec
	t := float64(sm.Trials)
	pm := func(v, se float64) string { return num(v) + " ± " + num(se) }
	head := El("tr").With(El("th").Say(""), El("th").Say("closed form"), El("th").Say("Monte Carlo ± SE"))
	tr := func(id, what, theory, sample string) Node {
		return El("tr", "id", id).With(El("td").Say(what), El("td", "class", "theory").Say(theory), El("td", "class", "sample").Say(sample))
	}
	se0, se1 := math.Sqrt(sm.Cov[0][0]/t), math.Sqrt(sm.Cov[1][1]/t)
	varSE := func(v float64) float64 { return v * math.Sqrt(2/(t-1)) }
	covSE := math.Sqrt((sm.Cov[0][0]*sm.Cov[1][1] + sm.Cov[0][1]*sm.Cov[0][1]) / (t - 1))
	sd2 := sm.PredVariance + th.Noise
	mseSE := math.Sqrt((2*sd2*sd2 + 4*sm.PredBias*sm.PredBias*sd2) / t)
	table := El("table", "id", "bv-numbers").With(head,
		tr("bv-mean1", "E[θ̃₁]", num(th.Mean[0]), pm(sm.Mean[0], se0)),
		tr("bv-mean2", "E[θ̃₂]", num(th.Mean[1]), pm(sm.Mean[1], se1)),
		tr("bv-bias1", "bias₁", num(th.Bias[0]), pm(sm.Mean[0]-s.Theta[0], se0)),
		tr("bv-bias2", "bias₂", num(th.Bias[1]), pm(sm.Mean[1]-s.Theta[1], se1)),
		tr("bv-cov11", "Cov₁₁", num(th.Cov[0][0]), pm(sm.Cov[0][0], varSE(sm.Cov[0][0]))),
		tr("bv-cov12", "Cov₁₂", num(th.Cov[0][1]), pm(sm.Cov[0][1], covSE)),
		tr("bv-cov22", "Cov₂₂", num(th.Cov[1][1]), pm(sm.Cov[1][1], varSE(sm.Cov[1][1]))),
		tr("bv-pbias2", "Bias² at x₀", num(th.PredBias*th.PredBias), pm(sm.PredBias*sm.PredBias, 2*math.Abs(sm.PredBias)*math.Sqrt(sm.PredVariance/t))),
		tr("bv-pvar", "Var at x₀", num(th.PredVariance), pm(sm.PredVariance, varSE(sm.PredVariance))),
		tr("bv-noise", "σ²", num(th.Noise), num(th.Noise)+" (known)"),
		tr("bv-mse", "E[(Y₀ − f)²]", num(th.MSE), pm(sm.MSE, mseSE)),
	)
	f := func(id, text string) Node { return El("p", "class", "formula", "id", id).Say(text) }
	out := []Node{table,
		f("bv-f-mean", "E[θ̃] = (XᵀX + λI)⁻¹XᵀXθ = ("+num(th.Mean[0])+", "+num(th.Mean[1])+") with λ = "+num(s.Lambda)+", θ = ("+num(s.Theta[0])+", "+num(s.Theta[1])+")"),
		f("bv-f-cov", "Cov(θ̃) = σ²(XᵀX + λI)⁻¹XᵀX(XᵀX + λI)⁻¹ = ["+num(th.Cov[0][0])+", "+num(th.Cov[0][1])+"; "+num(th.Cov[1][0])+", "+num(th.Cov[1][1])+"] with σ = "+num(s.Sigma)),
		f("bv-f-mse", "E[(Y₀ − f)²] = Var + Bias² + σ² = "+num(th.PredVariance)+" + "+num(th.PredBias*th.PredBias)+" + "+num(th.Noise)+" = "+num(th.MSE)),
	}
	if bv := c.bv; !math.IsInf(bv.best.Lambda, 0) {
		out = append(out, f("bv-f-best", "The best λ = "+num(bv.best.Lambda)+", where E[(Y₀ − f)²] = "+num(bv.best.MSE)))
	} else {
		out = append(out, f("bv-f-best", "The error only falls as λ grows: its limit is "+num(bv.best.MSE)))
	}
	if a, ok := diagonalGram(b.data); ok {
		l := s.Lambda
		out = append(out,
			f("bv-f-diag-bias", "Diagonal XᵀX = diag("+num(a[0])+", "+num(a[1])+"): biasᵢ = −λθᵢ/(aᵢ + λ) = ("+num(-l*s.Theta[0]/(a[0]+l))+", "+num(-l*s.Theta[1]/(a[1]+l))+")"),
			f("bv-f-diag-var", "Var(θ̃ᵢ) = σ²aᵢ/(aᵢ + λ)² = ("+num(s.Sigma*s.Sigma*a[0]/((a[0]+l)*(a[0]+l)))+", "+num(s.Sigma*s.Sigma*a[1]/((a[1]+l)*(a[1]+l)))+")"))
	}
	return out
}

// diagonalGram returns XᵀX's diagonal when its off-diagonal entry is zero.
func diagonalGram(d *problems.Dataset) ([2]float64, bool) {
	var a [2]float64
	off := 0.0
	for _, r := range d.X {
		a[0], a[1], off = a[0]+r[0]*r[0], a[1]+r[1]*r[1], off+r[0]*r[1]
	}
	return a, math.Abs(off) <= 1e-12*(a[0]+a[1])
}
