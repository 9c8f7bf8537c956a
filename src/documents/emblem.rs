//! The national emblem the office chooses for certificates printed on plain paper: a PNG file,
//! checked before it is kept (size of the file, size of the picture, a real PNG) and decoded to
//! the pixels the PDF embeds. The emblem is the office's to supply; none is shipped.

use std::io::Cursor;

/// The largest emblem file accepted.
pub const MAX_EMBLEM_BYTES: usize = 5 * 1024 * 1024;
/// The largest side of the picture, in pixels (600 dpi over 12 cm).
pub const MAX_EMBLEM_SIDE: u32 = 3000;

/// A decoded emblem: 8-bit RGB, or RGBA when the picture has transparency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Emblem {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
    pub alpha: bool,
}

/// Why a file of `len` bytes is refused as an emblem.
pub fn too_large(len: u64) -> String {
    format!("tệp ảnh lớn {} MB; tối đa {} MB", len.div_ceil(1024 * 1024), MAX_EMBLEM_BYTES / 1024 / 1024)
}

/// Decodes a PNG emblem, or says in Vietnamese why it cannot be used.
pub fn decode_emblem(bytes: &[u8]) -> Result<Emblem, String> {
    if bytes.len() > MAX_EMBLEM_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err("không phải ảnh PNG (hãy lưu ảnh quốc huy dưới dạng .png)".into());
    }
    let limits = png::Limits { bytes: 64 * 1024 * 1024 };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|_| "ảnh PNG bị hỏng, không đọc được".to_string())?;
    let (w, h) = reader.info().size();
    if w == 0 || h == 0 || w > MAX_EMBLEM_SIDE || h > MAX_EMBLEM_SIDE {
        return Err(format!("ảnh {w} × {h} điểm ảnh; mỗi chiều tối đa {MAX_EMBLEM_SIDE} điểm ảnh"));
    }
    let size = reader.output_buffer_size().ok_or_else(|| "ảnh PNG quá lớn".to_string())?;
    let mut buf = vec![0; size];
    let frame = reader.next_frame(&mut buf).map_err(|_| "ảnh PNG bị hỏng, không đọc được".to_string())?;
    buf.truncate(frame.buffer_size());
    let (w, h) = (frame.width as usize, frame.height as usize);
    let (pixels, alpha) = match frame.color_type {
        png::ColorType::Rgb => (buf, false),
        png::ColorType::Rgba => (buf, true),
        png::ColorType::Grayscale => (buf.iter().flat_map(|&v| [v, v, v]).collect(), false),
        png::ColorType::GrayscaleAlpha => (buf.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect(), true),
        png::ColorType::Indexed => return Err("ảnh PNG dùng bảng màu không đọc được".into()),
    };
    Ok(Emblem { width: w, height: h, pixels, alpha })
}

impl Emblem {
    /// The emblem as printpdf embeds it.
    pub fn raw(&self) -> printpdf::RawImage {
        printpdf::RawImage {
            pixels: printpdf::RawImageData::U8(self.pixels.clone()),
            width: self.width,
            height: self.height,
            data_format: if self.alpha { printpdf::RawImageFormat::RGBA8 } else { printpdf::RawImageFormat::RGB8 },
            tag: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small PNG written with the same crate: `w` × `h`, red with a transparent corner.
    pub fn png(w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, w, h);
            enc.set_color(png::ColorType::Rgba);
            enc.set_depth(png::BitDepth::Eight);
            let mut writer = enc.write_header().unwrap_or_else(|_| panic!("header"));
            let mut data = vec![0u8; (w * h * 4) as usize];
            for (i, px) in data.chunks_exact_mut(4).enumerate() {
                px.copy_from_slice(if i == 0 { &[0, 0, 0, 0] } else { &[200, 16, 32, 255] });
            }
            writer.write_image_data(&data).unwrap_or_else(|_| panic!("data"));
        }
        out
    }

    #[test]
    fn a_png_is_decoded_and_anything_else_is_refused_in_vietnamese() {
        let e = decode_emblem(&png(4, 3)).unwrap_or_else(|m| panic!("{m}"));
        assert_eq!((e.width, e.height, e.alpha, e.pixels.len()), (4, 3, true, 48));
        assert!(decode_emblem(b"GIF89a....").unwrap_err().contains("không phải ảnh PNG"));
        let mut broken = png(4, 3);
        broken.truncate(40);
        assert!(decode_emblem(&broken).unwrap_err().contains("bị hỏng"));
        assert!(decode_emblem(&png(3001, 1)).unwrap_err().contains("tối đa 3000"));
        assert!(decode_emblem(&vec![0; MAX_EMBLEM_BYTES + 1]).unwrap_err().contains("tối đa 5 MB"));
    }
}
