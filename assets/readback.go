package assets

import (
	"fmt"
	"math"
)

// RawPixels is how many pixels, in a row, the field shader's read-back mode
// (FieldShader with readback) writes for one point: see rawPixel in field.kage.
const RawPixels = 2

// The kinds of a read-back value, pixel 1's green byte.
const (
	rawUndefined = 0 // the formula is undefined there
	rawNumber    = 1 // a normal float32: sign, mantissa and exponent follow
	rawZero      = 2 // zero, or below the least normal float32 (GPUs flush those)
	rawNonFinite = 3 // defined, but the GPU's value is infinite or NaN
)

// DecodeRaw returns the field's value that px, the RawPixels RGBA pixels the
// field shader writes in read-back mode, encode: the GPU's float32 exactly,
// and whether the formula is defined there. A defined value that is infinite
// or NaN on the GPU comes back as NaN. An error means px is no such encoding
// (the shader did not run there).
func DecodeRaw(px []byte) (v float32, defined bool, err error) {
	if len(px) != 4*RawPixels {
		return 0, false, fmt.Errorf("a read-back value is %d bytes, not %d", 4*RawPixels, len(px))
	}
	if px[3] != 255 || px[7] != 255 || px[6] != 0 || px[5] > rawNonFinite {
		return 0, false, fmt.Errorf("the bytes % x are not a read-back value", px)
	}
	switch px[5] {
	case rawUndefined:
		return 0, false, nil
	case rawZero:
		return 0, true, nil
	case rawNonFinite:
		return float32(math.NaN()), true, nil
	}
	exp := uint32(px[4])
	if exp == 0 || exp == 255 {
		return 0, false, fmt.Errorf("the bytes % x hold the exponent byte %d, not a normal float32's", px, exp)
	}
	sign := uint32(px[0] >> 7)
	mant := uint32(px[0]&0x7f)<<16 | uint32(px[1])<<8 | uint32(px[2])
	return math.Float32frombits(sign<<31 | exp<<23 | mant), true, nil
}
