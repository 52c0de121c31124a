//! Multinomial logistic regression over a few named dense features.
//!
//! Training is full-batch gradient descent on standardized features (so it is deterministic
//! and needs no shuffling), folded back into weights over the raw features. The text form is
//! `model NAME CLASSES FEATURES` and one `feature w1 .. wK` line per feature.

/// A linear model: `weights[feature][class]`.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    /// Model name (`related`, `stance`).
    pub name: String,
    /// Feature names, in vector order.
    pub features: Vec<String>,
    /// Weights by feature then class.
    pub weights: Vec<Vec<f32>>,
    /// Number of classes.
    pub classes: usize,
}

/// Training options.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Gradient steps.
    pub iterations: usize,
    /// Step size (on standardized features).
    pub rate: f32,
    /// L2 penalty.
    pub l2: f32,
    /// Weigh classes by inverse frequency.
    pub balanced: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { iterations: 400, rate: 0.5, l2: 1e-3, balanced: true }
    }
}

impl LinearModel {
    /// Class scores (log-odds up to a constant).
    pub fn scores(&self, x: &[f32]) -> Vec<f32> {
        let mut z = vec![0.0f32; self.classes];
        for (xi, w) in x.iter().zip(&self.weights) {
            if *xi != 0.0 {
                for (zk, wk) in z.iter_mut().zip(w) {
                    *zk += xi * wk;
                }
            }
        }
        z
    }

    /// Class scores turned into probabilities.
    pub fn probabilities(&self, x: &[f32]) -> Vec<f32> {
        let mut z = self.scores(x);
        softmax(&mut z);
        z
    }

    /// The most probable class.
    pub fn predict(&self, x: &[f32]) -> usize {
        let p = self.probabilities(x);
        argmax(&p)
    }

    /// Fits a model on rows `xs` (all of `features.len()` values) with labels `ys` < `classes`;
    /// rows with another label are left out.
    pub fn train(
        name: &str,
        features: &[&str],
        classes: usize,
        xs: &[Vec<f32>],
        ys: &[usize],
        opts: &TrainOptions,
    ) -> LinearModel {
        let d = features.len();
        let (xs, ys): (Vec<&Vec<f32>>, Vec<usize>) = xs.iter().zip(ys).filter(|(_, &y)| y < classes).unzip();
        let n = xs.len().max(1) as f32;
        let mut mean = vec![0.0f32; d];
        let mut sd = vec![0.0f32; d];
        for x in &xs {
            for (m, v) in mean.iter_mut().zip(x.iter()) {
                *m += v / n;
            }
        }
        for x in &xs {
            for ((s, v), m) in sd.iter_mut().zip(x.iter()).zip(&mean) {
                *s += (v - m) * (v - m) / n;
            }
        }
        for s in &mut sd {
            *s = s.sqrt();
        }
        let mut counts = vec![0.0f32; classes];
        for &y in &ys {
            counts[y] += 1.0;
        }
        let cw: Vec<f32> =
            counts.iter().map(|&c| if opts.balanced && c > 0.0 { n / (classes as f32 * c) } else { 1.0 }).collect();
        // standardized rows; constant features (the bias) stay as they are
        let z: Vec<Vec<f32>> = xs
            .iter()
            .map(|x| x.iter().enumerate().map(|(j, v)| if sd[j] > 1e-6 { (v - mean[j]) / sd[j] } else { *v }).collect())
            .collect();
        let mut w = vec![vec![0.0f32; classes]; d];
        let mut grad = vec![vec![0.0f32; classes]; d];
        let mut p = vec![0.0f32; classes];
        for _ in 0..opts.iterations {
            for g in &mut grad {
                g.iter_mut().for_each(|v| *v = 0.0);
            }
            for (x, &y) in z.iter().zip(&ys) {
                p.iter_mut().for_each(|v| *v = 0.0);
                for (xj, wj) in x.iter().zip(&w) {
                    for (pk, wk) in p.iter_mut().zip(wj) {
                        *pk += xj * wk;
                    }
                }
                softmax(&mut p);
                let c = cw[y];
                for (xj, gj) in x.iter().zip(grad.iter_mut()) {
                    if *xj == 0.0 {
                        continue;
                    }
                    for (k, gk) in gj.iter_mut().enumerate() {
                        let t = if k == y { 1.0 } else { 0.0 };
                        *gk += c * (p[k] - t) * xj;
                    }
                }
            }
            for (wj, gj) in w.iter_mut().zip(&grad) {
                for (wk, gk) in wj.iter_mut().zip(gj) {
                    *wk -= opts.rate * (gk / n + opts.l2 * *wk);
                }
            }
        }
        // fold the standardization back into raw-feature weights
        let bias = features.iter().position(|f| *f == "bias");
        let mut raw = vec![vec![0.0f32; classes]; d];
        let mut shift = vec![0.0f32; classes];
        for j in 0..d {
            for k in 0..classes {
                if sd[j] > 1e-6 {
                    raw[j][k] = w[j][k] / sd[j];
                    shift[k] += w[j][k] * mean[j] / sd[j];
                } else {
                    raw[j][k] = w[j][k];
                }
            }
        }
        if let Some(b) = bias {
            for k in 0..classes {
                raw[b][k] -= shift[k];
            }
        }
        LinearModel {
            name: name.to_string(),
            features: features.iter().map(|s| s.to_string()).collect(),
            weights: raw,
            classes,
        }
    }

    /// The text form.
    pub fn to_text(&self) -> String {
        let mut out = format!("model {} {} {}\n", self.name, self.classes, self.features.len());
        for (f, w) in self.features.iter().zip(&self.weights) {
            out.push_str(f);
            for v in w {
                out.push_str(&format!(" {v:.6}"));
            }
            out.push('\n');
        }
        out
    }

    /// Reads the models of a text file (lines starting with `#` are comments).
    pub fn parse_all(text: &str) -> Vec<LinearModel> {
        let mut out: Vec<LinearModel> = Vec::new();
        let mut left = 0usize;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut it = line.split_whitespace();
            let head = it.next().unwrap_or("");
            if head == "model" {
                let name = it.next().unwrap_or("").to_string();
                let classes = it.next().and_then(|s| s.parse().ok()).unwrap_or(0);
                left = it.next().and_then(|s| s.parse().ok()).unwrap_or(0);
                out.push(LinearModel { name, features: Vec::new(), weights: Vec::new(), classes });
            } else if left > 0 {
                let Some(m) = out.last_mut() else { continue };
                let w: Vec<f32> = it.filter_map(|s| s.parse().ok()).collect();
                if w.len() == m.classes {
                    m.features.push(head.to_string());
                    m.weights.push(w);
                }
                left -= 1;
            }
        }
        out
    }
}

fn softmax(z: &mut [f32]) {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut s = 0.0;
    for v in z.iter_mut() {
        *v = (*v - m).exp();
        s += *v;
    }
    if s > 0.0 {
        z.iter_mut().for_each(|v| *v /= s);
    }
}

/// Index of the largest value (first on ties).
pub fn argmax(p: &[f32]) -> usize {
    let mut best = 0;
    for (i, v) in p.iter().enumerate() {
        if *v > p[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule_and_round_trips() {
        // class = which of two features is on; a third is noise
        let rows: &[([f32; 4], usize)] = &[
            ([1.0, 1.0, 0.0, 0.3], 0),
            ([1.0, 2.0, 0.0, 0.9], 0),
            ([1.0, 0.0, 1.0, 0.4], 1),
            ([1.0, 0.0, 3.0, 0.8], 1),
            ([1.0, 0.0, 0.0, 0.5], 2),
            ([1.0, 0.0, 0.0, 0.1], 2),
        ];
        let xs: Vec<Vec<f32>> = rows.iter().map(|r| r.0.to_vec()).collect();
        let ys: Vec<usize> = rows.iter().map(|r| r.1).collect();
        let m = LinearModel::train("t", &["bias", "a", "b", "noise"], 3, &xs, &ys, &TrainOptions::default());
        for (x, y) in xs.iter().zip(&ys) {
            assert_eq!(m.predict(x), *y, "{x:?}");
        }
        let back = LinearModel::parse_all(&m.to_text());
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].features, m.features);
        for (x, y) in xs.iter().zip(&ys) {
            assert_eq!(back[0].predict(x), *y);
        }
        assert!(LinearModel::parse_all("model x 2 1\nbias 1.0\n")[0].features.is_empty());
    }
}
