package assets

import (
	"math"
	"math/rand/v2"
	"testing"
)

// encodeRaw mirrors rawPixel in field.kage step by step, in float32, and then
// stores each channel as the GPU does into an 8-bit image: round(c·255).
func encodeRaw(f float32, ok bool) []byte {
	px := make([]byte, 0, 4*RawPixels)
	for i := range RawPixels {
		c := rawPixel(f, ok, i)
		for _, ch := range c {
			px = append(px, byte(math.Round(float64(ch*255))))
		}
	}
	return px
}

func rawPixel(f float32, ok bool, i int) [4]float32 {
	if !ok {
		return [4]float32{0, 0, 0, 1}
	}
	a := float32(math.Abs(float64(f)))
	if a < 1.1754944e-38 {
		return [4]float32{0, 2.0 / 255, 0, 1}
	}
	e := float32(math.Max(-126, math.Min(127, math.Floor(math.Log2(float64(a))))))
	m := a / float32(math.Exp2(float64(e)))
	if m >= 2 {
		m /= 2
		e++
	}
	if m < 1 {
		m *= 2
		e--
	}
	if m >= 1 && m < 2 {
		q := (m - 1) * 8388608
		hi := float32(math.Floor(float64(q / 65536)))
		q -= hi * 65536
		mid := float32(math.Floor(float64(q / 256)))
		lo := q - mid*256
		if f < 0 {
			hi += 128
		}
		if i == 0 {
			return [4]float32{hi / 255, mid / 255, lo / 255, 1}
		}
		return [4]float32{(e + 127) / 255, 1.0 / 255, 0, 1}
	}
	return [4]float32{0, 3.0 / 255, 0, 1}
}

// TestRawRoundTrip: every normal float32 comes back bit for bit, through the
// shader's arithmetic and the image's bytes; zero, the flushed subnormals,
// the non-finite values and the undefined come back as what they are.
func TestRawRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 1)) // seeded: a failure reproduces
	check := func(f float32) {
		got, defined, err := DecodeRaw(encodeRaw(f, true))
		if err != nil || !defined || math.Float32bits(got) != math.Float32bits(f) {
			t.Errorf("%v (bits %#08x) came back as %v (bits %#08x), defined %v, err %v",
				f, math.Float32bits(f), got, math.Float32bits(got), defined, err)
		}
	}
	// The extremes of every exponent, powers of two and their neighbours.
	for exp := uint32(1); exp <= 254; exp++ {
		for _, mant := range []uint32{0, 1, 0x7fffff, 0x400000} {
			for _, sign := range []uint32{0, 1} {
				check(math.Float32frombits(sign<<31 | exp<<23 | mant))
			}
		}
	}
	for range 200000 {
		b := rng.Uint32()
		if exp := b >> 23 & 0xff; exp == 0 || exp == 255 {
			continue
		}
		check(math.Float32frombits(b))
	}
	for _, f := range []float32{0, float32(math.Copysign(0, -1)), math.SmallestNonzeroFloat32, -1e-40} {
		if got, defined, err := DecodeRaw(encodeRaw(f, true)); got != 0 || !defined || err != nil {
			t.Errorf("%v came back as %v, defined %v, err %v; want 0, defined", f, got, defined, err)
		}
	}
	for _, f := range []float32{float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN())} {
		if got, defined, err := DecodeRaw(encodeRaw(f, true)); !math.IsNaN(float64(got)) || !defined || err != nil {
			t.Errorf("%v came back as %v, defined %v, err %v; want NaN, defined", f, got, defined, err)
		}
	}
	if got, defined, err := DecodeRaw(encodeRaw(1.5, false)); defined || err != nil {
		t.Errorf("an undefined value came back as %v, defined %v, err %v; want undefined", got, defined, err)
	}
}

// TestDecodeRawRefusesOtherPixels: the field's background (the shader did not
// run) and truncated input are errors, not values.
func TestDecodeRawRefusesOtherPixels(t *testing.T) {
	bg := []byte{0x18, 0x18, 0x1c, 0xff, 0x18, 0x18, 0x1c, 0xff} // the painter's background, twice
	for _, px := range [][]byte{bg, make([]byte, 8), {0, 0, 0, 255, 0, 1, 0, 255}, {0, 0, 0, 255}} {
		if v, defined, err := DecodeRaw(px); err == nil {
			t.Errorf("DecodeRaw(% x) = %v, %v; want an error", px, v, defined)
		}
	}
}
