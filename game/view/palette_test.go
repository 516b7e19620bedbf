package view

import (
	"image/color"
	"math"
	"testing"
)

// srgbToLinear undoes the sRGB transfer curve (IEC 61966-2-1).
func srgbToLinear(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// luminance is WCAG 2.1's relative luminance of an sRGB colour.
func luminance(c color.RGBA) float64 {
	return 0.2126*srgbToLinear(c.R) + 0.7152*srgbToLinear(c.G) + 0.0722*srgbToLinear(c.B)
}

// contrast is WCAG 2.1's contrast ratio, (L₁ + 0.05)/(L₂ + 0.05) with L₁ the lighter.
func contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// Colour-vision deficiency simulations: G. M. Machado, M. M. Oliveira & L. A. F.
// Fernandes, A physiologically-based model for simulation of color vision
// deficiency, IEEE TVCG 15(6):1291–1298, 2009, severity 1.0, on linear RGB.
var visions = map[string][3][3]float64{
	"normal": {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	"protanopia": {
		{0.152286, 1.052583, -0.204868},
		{0.114503, 0.786281, 0.099216},
		{-0.003882, -0.048116, 1.051998}},
	"deuteranopia": {
		{0.367322, 0.860646, -0.227968},
		{0.280085, 0.672501, 0.047413},
		{-0.011820, 0.042940, 0.968881}},
	"tritanopia": {
		{1.255528, -0.076749, -0.178779},
		{-0.078411, 0.930809, 0.147602},
		{0.004733, 0.691367, 0.303900}},
}

// lab returns CIE L*a*b* (D65) of linear sRGB rgb, clamped to the gamut.
func lab(rgb [3]float64) [3]float64 {
	for i := range rgb {
		rgb[i] = math.Max(0, math.Min(1, rgb[i]))
	}
	x := (0.4124*rgb[0] + 0.3576*rgb[1] + 0.1805*rgb[2]) / 0.95047
	y := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	z := (0.0193*rgb[0] + 0.1192*rgb[1] + 0.9505*rgb[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// seenAs returns c in L*a*b* as a viewer with the given vision sees it.
func seenAs(c color.RGBA, m [3][3]float64) [3]float64 {
	in := [3]float64{srgbToLinear(c.R), srgbToLinear(c.G), srgbToLinear(c.B)}
	var out [3]float64
	for i := range out {
		out[i] = m[i][0]*in[0] + m[i][1]*in[1] + m[i][2]*in[2]
	}
	return lab(out)
}

// closestPair returns the smallest ΔE*ab (CIE76) between two of colours, for any
// of the visions, and which.
func closestPair(colours []color.RGBA) (dE float64, vision string, a, b int) {
	dE = math.Inf(1)
	for name, m := range visions {
		for i := range colours {
			for j := i + 1; j < len(colours); j++ {
				p, q := seenAs(colours[i], m), seenAs(colours[j], m)
				if d := math.Sqrt((p[0]-q[0])*(p[0]-q[0]) + (p[1]-q[1])*(p[1]-q[1]) + (p[2]-q[2])*(p[2]-q[2])); d < dE {
					dE, vision, a, b = d, name, i, j
				}
			}
		}
	}
	return dE, vision, a, b
}

// minDeltaE is how far apart every two runner colours must stay, in ΔE*ab, for
// normal vision and each dichromacy: over six times the just-noticeable
// difference of about 2.3 (G. Sharma, Digital Color Imaging Handbook, 2003),
// so that colours are told apart at a glance, not side by side. Okabe–Ito's
// closest pair, sky blue and bluish green for a tritanope, is 16.1 apart; the
// palette it replaced had red and brown 12.6 apart for a protanope.
const minDeltaE = 15

func TestRunnerColoursStayApartForColourBlindViewers(t *testing.T) {
	colours := make([]color.RGBA, len(runnerColors))
	for i := range colours {
		colours[i] = RunnerColor(i)
	}
	if dE, vision, a, b := closestPair(colours); dE < minDeltaE {
		t.Errorf("runners %d (%s) and %d (%s) are ΔE %.1f apart for %s, want at least %d",
			a, CSS(colours[a]), b, CSS(colours[b]), dE, vision, minDeltaE)
	}
	// The check can fail: the palette before Okabe–Ito had a red and a brown
	// that a protanope barely tells apart.
	old := []color.RGBA{{0xff, 0x45, 0x3a, 0xff}, {0xa2, 0x84, 0x5e, 0xff}}
	if dE, _, _, _ := closestPair(old); dE >= minDeltaE {
		t.Errorf("red #ff453a and brown #a2845e: ΔE %.1f, want below %d for a protanope", dE, minDeltaE)
	}
}

// TestRunnerColoursStandOutOnTheBackground: WCAG 2.1's non-text contrast
// (success criterion 1.4.11) asks 3:1 of graphics against what is next to them.
func TestRunnerColoursStandOutOnTheBackground(t *testing.T) {
	for i := range runnerColors {
		if c := contrast(RunnerColor(i), Background); c < 3 {
			t.Errorf("runner %d %s on %s: contrast %.2f, want at least 3", i, CSS(RunnerColor(i)), CSS(Background), c)
		}
	}
	// Okabe–Ito's black would vanish: 1.19.
	if c := contrast(color.RGBA{0, 0, 0, 0xff}, Background); c >= 3 {
		t.Errorf("black on %s: contrast %.2f, want below 3 (the reason it was replaced)", CSS(Background), c)
	}
}

func TestRunnerColoursAndShapesCycleTogether(t *testing.T) {
	const n = 8 // config.MaxRunners: every runner of a race is unique in colour and shape
	seenC, seenS := map[color.RGBA]bool{}, map[Shape]bool{}
	for i := range n {
		seenC[RunnerColor(i)], seenS[RunnerShape(i)] = true, true
	}
	if len(seenC) != n || len(seenS) != n {
		t.Errorf("%d colours and %d shapes among %d runners, want %d of each", len(seenC), len(seenS), n, n)
	}
	if RunnerColor(n) != RunnerColor(0) || RunnerShape(n) != RunnerShape(0) {
		t.Errorf("runner %d: got %v %v, want runner 0's %v %v again", n, RunnerColor(n), RunnerShape(n), RunnerColor(0), RunnerShape(0))
	}
}

// TestShapeOutlines: each shape's corners, counted and placed as its name says.
func TestShapeOutlines(t *testing.T) {
	tests := []struct {
		shape   Shape
		corners int
		top     bool // a corner points straight up (0, -1)
		bottom  bool // a corner points straight down (0, 1)
	}{
		{Circle, 0, false, false},
		{Square, 4, false, false},
		{Triangle, 3, true, false},
		{Diamond, 4, true, true},
		{InvertedTriangle, 3, false, true},
		{Pentagon, 5, true, false},
		{Hexagon, 6, false, false},
		{Star, 10, true, false},
	}
	names := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.shape.String(), func(t *testing.T) {
			names[tc.shape.String()] = true
			pts := tc.shape.Outline()
			if len(pts) != tc.corners {
				t.Fatalf("got %d corners, want %d", len(pts), tc.corners)
			}
			var top, bottom bool
			var cx, cy float64
			for _, p := range pts {
				r := math.Hypot(p[0], p[1])
				if r > 1+1e-12 {
					t.Errorf("corner %v at radius %v, want at most 1", p, r)
				}
				top = top || math.Abs(p[0]) < 1e-12 && math.Abs(p[1]+1) < 1e-12
				bottom = bottom || math.Abs(p[0]) < 1e-12 && math.Abs(p[1]-1) < 1e-12
				cx, cy = cx+p[0]/float64(len(pts)), cy+p[1]/float64(len(pts))
			}
			if top != tc.top || bottom != tc.bottom {
				t.Errorf("corner up %v, down %v; want %v, %v", top, bottom, tc.top, tc.bottom)
			}
			if math.Hypot(cx, cy) > 1e-12 {
				t.Errorf("corners centred at (%v, %v), want the origin", cx, cy)
			}
		})
	}
	if len(names) != shapeCount || Shape(shapeCount).String() != "Shape(8)" {
		t.Errorf("%d distinct names for %d shapes; Shape(8) is %q", len(names), shapeCount, Shape(shapeCount))
	}
	// A star's inner corners sit where the pentagram's lines cross: every other corner at 0.382.
	if r := math.Hypot(Star.Outline()[1][0], Star.Outline()[1][1]); math.Abs(r-0.381966) > 1e-6 {
		t.Errorf("star's inner radius %v, want 0.381966 = (3 − √5)/2", r)
	}
}

func TestClipPath(t *testing.T) {
	if got := Circle.ClipPath(); got != "circle(50%)" {
		t.Errorf("circle: %q", got)
	}
	// A diamond's corners: top, right, bottom, left of its box.
	if got, want := Diamond.ClipPath(), "polygon(50% 0%, 100% 50%, 50% 100%, 0% 50%)"; got != want {
		t.Errorf("diamond: %q, want %q", got, want)
	}
}
