// Package param describes a tunable number — an optimizer's hyperparameter or a
// problem's parameter — once: its range, its check and the wording of its
// errors, its slider, and the k=v lists it is written in inside a URL hash.
package param

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Param describes one tunable number: the panel's slider, the URL key, the JS
// catalogs and the range every constructor accepts all come from it.
type Param struct {
	Name    string // URL and JS key: "lr", "beta1", "kappa", …
	Symbol  string // display symbol, e.g. "α", "κ"
	Help    string // one plain-language sentence for a learner
	Default float64
	Min     float64 // the accepted values are [Min, Max]
	Max     float64
	Log     bool // a slider is log-scaled
	Integer bool // only whole numbers are accepted: a slider steps by 1
}

// Errors wrapped by Check and List.Full, for callers that must tell them apart.
var (
	ErrUnknown = errors.New("unknown parameter")
	ErrRange   = errors.New("parameter out of range")
)

// Check returns an error wrapping ErrRange, worded "owner name = v, want a value
// in [min, max]", when v is outside [Min, Max] (NaN and ±Inf included) or is a
// fraction for an Integer parameter; nil otherwise.
func (p Param) Check(owner string, v float64) error {
	if math.IsNaN(v) || v < p.Min || v > p.Max {
		return fmt.Errorf("%w: %s %s = %v, want a value in [%v, %v]", ErrRange, owner, p.Name, v, p.Min, p.Max)
	}
	if p.Integer && v != math.Trunc(v) {
		return fmt.Errorf("%w: %s %s = %v, want a whole number in [%v, %v]", ErrRange, owner, p.Name, v, p.Min, p.Max)
	}
	return nil
}

// List is the parameters of one optimizer or problem, in the order they are shown.
type List []Param

// Find returns the parameter called name.
func (l List) Find(name string) (Param, bool) {
	i := slices.IndexFunc(l, func(p Param) bool { return p.Name == name })
	if i < 0 {
		return Param{}, false
	}
	return l[i], true
}

// Names lists the parameters' names for messages: "lr, beta1, beta2", or "it has none".
func (l List) Names() string {
	if len(l) == 0 {
		return "none"
	}
	names := make([]string, len(l))
	for i, p := range l {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// Defaults returns a new map from each parameter's name to its default.
func (l List) Defaults() map[string]float64 {
	m := make(map[string]float64, len(l))
	for _, p := range l {
		m[p.Name] = p.Default
	}
	return m
}

// Full returns every parameter's value: those in values over the defaults. An
// unknown name (ErrUnknown) or a bad value (ErrRange) is an error naming owner;
// names are checked in sorted order, so the error is the same every time.
func (l List) Full(owner string, values map[string]float64) (map[string]float64, error) {
	full := l.Defaults()
	for _, name := range slices.Sorted(maps.Keys(values)) {
		p, ok := l.Find(name)
		if !ok {
			return nil, fmt.Errorf("%w %q for %s (valid: %s)", ErrUnknown, name, owner, l.Names())
		}
		if err := p.Check(owner, values[name]); err != nil {
			return nil, err
		}
		full[name] = values[name]
	}
	return full, nil
}

// Explicit returns the values in values that differ from their defaults: the
// canonical form a config keeps, so that equal setups compare equal.
func (l List) Explicit(values map[string]float64) map[string]float64 {
	m := map[string]float64{}
	for _, p := range l {
		if v, ok := values[p.Name]; ok && v != p.Default {
			m[p.Name] = v
		}
	}
	return m
}

// Format writes the values that differ from their defaults as "k=v,k=v", in l's
// order, with the shortest decimal that reads back exactly.
func (l List) Format(values map[string]float64) string {
	var kv []string
	for _, p := range l {
		if v, ok := values[p.Name]; ok && v != p.Default {
			kv = append(kv, p.Name+"="+strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	return strings.Join(kv, ",")
}

// Parse reads "k=v,k=v" (the text after "gd:" or "rotated:" in a hash) for
// owner. It returns the good values that differ from their defaults, and one
// error for each unknown name or bad value, which keeps its default.
func (l List) Parse(owner, s string) (map[string]float64, []error) {
	values, errs := l.parse(owner, s, true)
	for _, p := range l {
		if v, ok := values[p.Name]; ok && v == p.Default {
			delete(values, p.Name)
		}
	}
	return values, errs
}

// ParseAll is Parse keeping the values equal to their defaults too: a value
// written down by hand, which a recommendation must not replace. A bad value is
// ignored, and its error says no more: what is used instead is the caller's
// (an optimizer's parameter takes the surface's recommended value, not its default).
func (l List) ParseAll(owner, s string) (map[string]float64, []error) {
	return l.parse(owner, s, false)
}

// parse is Parse and ParseAll; a bad value's error says its default is kept when kept.
func (l List) parse(owner, s string, kept bool) (map[string]float64, []error) {
	values := map[string]float64{}
	var errs []error
	for _, kv := range strings.Split(s, ",") {
		if kv == "" {
			continue
		}
		k, vs, _ := strings.Cut(kv, "=")
		p, ok := l.Find(k)
		if !ok {
			errs = append(errs, fmt.Errorf("%s has no parameter %s (it has: %s); ignored", owner, Quote(k), l.Names()))
			continue
		}
		v, err := strconv.ParseFloat(vs, 64)
		if err != nil {
			v = math.NaN()
		}
		if err := p.Check(owner, v); err != nil {
			what := "ignored"
			if kept {
				what = fmt.Sprintf("kept %g", p.Default)
			}
			errs = append(errs, fmt.Errorf("%s %s = %s, want %s; %s", owner, p.Name, Quote(vs), p.Want(), what))
			continue
		}
		values[k] = v
	}
	return values, errs
}

// Want says what values p accepts: "a number from 0 to 0.999" or "a whole number from 1 to 1000".
func (p Param) Want() string {
	kind := "a number"
	if p.Integer {
		kind = "a whole number"
	}
	return fmt.Sprintf("%s from %g to %g", kind, p.Min, p.Max)
}

// MaxQuoted is the most characters of a bad value a message repeats.
const MaxQuoted = 80

// AppendNumber appends v as JavaScript writes a number, and JSON where it is
// finite (byte for byte encoding/json's): plain decimals from 1e-6 to 1e21,
// exponents outside (1e-7, 1e+21), and NaN, Infinity or -Infinity.
func AppendNumber(b []byte, v float64) []byte {
	switch {
	case math.IsNaN(v):
		return append(b, "NaN"...)
	case math.IsInf(v, 1):
		return append(b, "Infinity"...)
	case math.IsInf(v, -1):
		return append(b, "-Infinity"...)
	}
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) {
		b = strconv.AppendFloat(b, v, 'e', -1, 64)
		// e-07 → e-7, as JavaScript writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// Number is AppendNumber as a string: a number in a message as a script
// would write it.
func Number(v float64) string { return string(AppendNumber(nil, v)) }

// Quote returns s for a message: quoted, and cut to MaxQuoted characters, so
// a 100 kB value from a link does not flood the page.
func Quote(s string) string {
	r := []rune(s)
	if len(r) > MaxQuoted {
		return strconv.Quote(string(r[:MaxQuoted])) + "…"
	}
	return strconv.Quote(s)
}
