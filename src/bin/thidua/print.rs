//! The `printers` command and the printer side of `print`: the print system's queues, and a
//! rendered document sent to one of them and followed until it has printed.

use thidua::app::papers;

/// Lists the printers, as text or as JSON.
pub fn list_printers(json: bool) -> Result<(), thidua::Error> {
    let list = papers::printers();
    if json {
        say!("{}", serde_json::to_string_pretty(&list).unwrap_or_default());
    } else if list.is_empty() {
        say!("Hệ thống in chưa có máy in nào.");
    } else {
        for p in list {
            let mut line = format!("{}\t{}", p.name, p.state.label());
            if p.default {
                line.push_str("\tmặc định");
            }
            if !p.accepting {
                line.push_str("\ttừ chối nhận lệnh in");
            }
            say!("{line}");
            if !p.media.is_empty() {
                say!("\tkhổ giấy: {}", p.media.join(", "));
            }
            if !p.trays.is_empty() {
                say!("\tkhay giấy: {}", p.trays.join(", "));
            }
        }
    }
    Ok(())
}
