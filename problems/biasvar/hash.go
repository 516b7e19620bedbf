package biasvar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"descent/problems"
)

// ErrUnknownKey is wrapped by Set for a key that is not the scene's.
var ErrUnknownKey = errors.New("not a bias–variance key")

// hashKeys are the scene's URL-hash keys, in the order Format writes them.
var hashKeys = []string{"design", "n", "theta", "sigma", "lambda", "x0", "trials", "seed"}

// Set applies one URL-hash key of the scene — design (uniform, line, diagonal,
// random), n, theta=a,b, sigma, lambda, x0=a,b, trials, seed — to s. A bad value, or
// one that makes s fail Check, is an error that names the key and what was kept; s
// then does not change. A key not in that list is an error wrapping ErrUnknownKey.
func (s *Spec) Set(key, value string) error {
	t := *s
	var err error
	switch key {
	case "design":
		t.Design, err = problems.ParseDesign(value)
	case "n":
		t.N, err = strconv.Atoi(value)
	case "theta":
		t.Theta, err = parsePairText(value)
	case "x0":
		t.X0, err = parsePairText(value)
	case "sigma":
		t.Sigma, err = strconv.ParseFloat(value, 64)
	case "lambda":
		t.Lambda, err = strconv.ParseFloat(value, 64)
	case "trials":
		t.Trials, err = strconv.Atoi(value)
	case "seed":
		t.Seed, err = strconv.ParseUint(value, 10, 64)
	default:
		return fmt.Errorf("biasvar: %w: %q (known: %s)", ErrUnknownKey, key, strings.Join(hashKeys, ", "))
	}
	if err == nil {
		err = t.Check()
	}
	if err != nil {
		return fmt.Errorf("biasvar: %s=%s: %w; kept %s", key, value, unwrapPrefix(err), s.value(key))
	}
	*s = t
	return nil
}

// unwrapPrefix drops a "biasvar: " that Check put on its message, not to say it twice.
func unwrapPrefix(err error) error {
	if msg, ok := strings.CutPrefix(err.Error(), "biasvar: "); ok {
		return errors.New(msg)
	}
	return err
}

// parsePairText reads "a,b".
func parsePairText(v string) ([2]float64, error) {
	as, bs, ok := strings.Cut(v, ",")
	a, errA := strconv.ParseFloat(as, 64)
	b, errB := strconv.ParseFloat(bs, 64)
	if !ok || errA != nil || errB != nil {
		return [2]float64{}, fmt.Errorf("want two numbers a,b")
	}
	return [2]float64{a, b}, nil
}

// value returns key's value in s as the hash writes it.
func (s Spec) value(key string) string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	switch key {
	case "design":
		return s.Design.String()
	case "n":
		return strconv.Itoa(s.N)
	case "theta":
		return num(s.Theta[0]) + "," + num(s.Theta[1])
	case "x0":
		return num(s.X0[0]) + "," + num(s.X0[1])
	case "sigma":
		return num(s.Sigma)
	case "lambda":
		return num(s.Lambda)
	case "trials":
		return strconv.Itoa(s.Trials)
	case "seed":
		return strconv.FormatUint(s.Seed, 10)
	}
	panic("biasvar: no hash key " + key)
}

// Format writes s's keys that differ from Default as URL-hash pairs, "n=4&lambda=2",
// in a fixed order; Set reads each back. A design given by hand (X) is not written.
func (s Spec) Format() string {
	d := Default()
	var parts []string
	for _, k := range hashKeys {
		if v := s.value(k); v != d.value(k) {
			parts = append(parts, k+"="+v)
		}
	}
	return strings.Join(parts, "&")
}
