//! Reading a registry file: CSV (UTF-8, with or without a byte-order mark) or XLSX (the first
//! sheet), a header row naming the columns in Chinese or English, then one resident per row.

use std::io::Cursor;

use crate::error::CoursesError;
use chrono::NaiveDate;
use infra::{AppError, AppResult};

/// Rows per file: a community's registry in one go, not a denial of service.
pub const MAX_ROWS: usize = 5000;
/// Bytes per file.
pub const MAX_BYTES: usize = 4 << 20;

/// One row as read; `birth_date` is `Err` when the cell is not a date.
#[derive(Debug, Clone)]
pub struct RawRow {
    /// The row's number in the file, the header being 1.
    pub line: usize,
    pub name: String,
    pub birth_date: Option<Result<NaiveDate, ()>>,
    pub courtyard: Option<String>,
    pub phone: Option<String>,
    /// The household (户): "3栋2单元501".
    pub household: Option<String>,
}

fn refused(zh: &str, en: &str) -> AppError {
    CoursesError::BadFile {
        zh: zh.into(),
        en: en.into(),
    }
    .into()
}

/// Which column holds what, from the header row.
struct Columns {
    name: usize,
    birth: Option<usize>,
    courtyard: Option<usize>,
    phone: Option<usize>,
    household: Option<usize>,
}

impl Columns {
    fn from_header(header: &[String]) -> AppResult<Columns> {
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
        };
        Ok(Columns {
            name: find(&["姓名", "name"]).ok_or_else(|| {
                refused(
                    "第一行须为表头，且含“姓名”一列",
                    "The first row must be a header with a “name” (姓名) column",
                )
            })?,
            birth: find(&["出生日期", "生日", "birth_date", "birthdate"]),
            courtyard: find(&["院落", "网格", "院落/网格", "courtyard", "grid"]),
            phone: find(&["手机号", "手机", "电话", "phone"]),
            household: find(&["户", "门牌", "门牌号", "住址", "household"]),
        })
    }
}

fn date_text(s: &str) -> Result<NaiveDate, ()> {
    let s = s.trim();
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        .ok_or(())
}

fn nonempty(s: Option<&String>) -> Option<String> {
    s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

/// Rows from (line number, cells) records, the first being the header; `dates` holds the
/// date cells of a spreadsheet by record index.
fn rows_from(
    records: Vec<(usize, Vec<String>)>,
    dates: Vec<Vec<Option<NaiveDate>>>,
) -> AppResult<Vec<RawRow>> {
    let mut it = records.into_iter().enumerate();
    let Some((_, (_, header))) = it.next() else {
        return Err(refused("文件是空的", "The file is empty"));
    };
    let cols = Columns::from_header(&header)?;
    let mut rows = Vec::new();
    for (i, (line, r)) in it {
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(refused(
                "一次最多导入 5000 行",
                "At most 5,000 rows per import",
            ));
        }
        let date_cell = cols
            .birth
            .and_then(|b| dates.get(i).and_then(|d| d.get(b).copied().flatten()));
        rows.push(RawRow {
            line,
            name: r.get(cols.name).cloned().unwrap_or_default(),
            birth_date: match date_cell {
                Some(d) => Some(Ok(d)),
                None => nonempty(cols.birth.and_then(|b| r.get(b))).map(|s| date_text(&s)),
            },
            courtyard: nonempty(cols.courtyard.and_then(|c| r.get(c))),
            phone: nonempty(cols.phone.and_then(|c| r.get(c))),
            household: nonempty(cols.household.and_then(|c| r.get(c))),
        });
    }
    Ok(rows)
}

fn csv_rows(bytes: &[u8]) -> AppResult<Vec<RawRow>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        refused(
            "CSV 文件须为 UTF-8 编码（可在表格软件中另存为“CSV UTF-8”）",
            "The CSV file must be UTF-8 (save as “CSV UTF-8”)",
        )
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for r in reader.records() {
        let r = r.map_err(|_| refused("CSV 文件格式不正确", "The CSV file is malformed"))?;
        // Blank lines are skipped by the reader (and not counted by its line numbers): the
        // line is counted from the record's byte offset.
        let mut at = r
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(text.len());
        // The reader's position is where it began reading: before the skipped blank lines.
        while matches!(text.as_bytes().get(at), Some(b'\n' | b'\r')) {
            at += 1;
        }
        let line = text.as_bytes()[..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        let cells = r
            .iter()
            .map(infra::input::clean_text)
            .collect::<Result<Vec<_>, _>>()?;
        records.push((line, cells));
    }
    rows_from(records, Vec::new())
}

/// What an XLSX may inflate to, all its parts together: a registry of 5,000 rows is a few MB,
/// and a zip bomb of a few KB would otherwise ask for gigabytes.
pub const MAX_INFLATED: u64 = 32 << 20;
/// Parts of an XLSX archive (a workbook has about ten).
const MAX_PARTS: usize = 100;
/// Columns of the header row.
pub const MAX_COLUMNS: u32 = 32;

/// Inflate every part of the archive into nothing, counting what it really holds (never the
/// sizes its headers claim): refused past [`MAX_INFLATED`] before the spreadsheet reader, which
/// keeps whole parts (the shared strings) in memory, sees it.
fn check_inflated(bytes: &[u8]) -> AppResult<()> {
    let bad = || refused("XLSX 文件无法读取", "The XLSX file cannot be read");
    let too_big = || {
        refused(
            "XLSX 文件解压后过大，请只保留登记表",
            "The XLSX file is too large once unpacked; keep only the registry",
        )
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| bad())?;
    if zip.len() > MAX_PARTS {
        return Err(too_big());
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|_| bad())?;
        let left = MAX_INFLATED - total;
        let n = std::io::copy(
            &mut std::io::Read::take(part, left + 1),
            &mut std::io::sink(),
        )
        .map_err(|_| bad())?;
        if n > left {
            return Err(too_big());
        }
        total += n;
    }
    Ok(())
}

fn xlsx_rows(bytes: &[u8]) -> AppResult<Vec<RawRow>> {
    use calamine::{DataRef, Reader, Xlsx};
    let bad = || refused("XLSX 文件无法读取", "The XLSX file cannot be read");
    check_inflated(bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| bad())?;
    let first = book.sheet_names().into_iter().next().ok_or_else(bad)?;
    // Cell by cell, never the sheet's bounding box: a file with cells A1 and XFD1048576 would
    // ask for seventeen billion of them.
    let mut cells = book.worksheet_cells_reader(&first).map_err(|_| bad())?;
    // (sheet row, cells as text, date cells) of each row seen, in order.
    let mut rows: Vec<(u32, Vec<String>, Vec<Option<NaiveDate>>)> = Vec::new();
    let mut width: Option<u32> = None;
    while let Some(cell) = cells.next_cell().map_err(|_| bad())? {
        let (row, col) = cell.get_position();
        let (text, date) = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::DateTime(dt) => (String::new(), dt.as_datetime().map(|x| x.date())),
            DataRef::Float(f) if f.fract() == 0.0 => (format!("{}", *f as i64), None),
            DataRef::SharedString(s) => (s.to_string(), None),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                (s.clone(), None)
            }
            DataRef::Float(f) => (f.to_string(), None),
            DataRef::Int(i) => (i.to_string(), None),
            DataRef::Bool(b) => (b.to_string(), None),
            DataRef::Error(e) => (e.to_string(), None),
        };
        if rows.last().is_none_or(|(r, _, _)| *r != row) {
            if rows.last().is_some_and(|(r, _, _)| row < *r) {
                return Err(bad());
            }
            if let Some((header_row, header, _)) = rows.first() {
                // The header row is complete: its width bounds every row after it.
                width.get_or_insert(header.len() as u32);
                if row - header_row > MAX_ROWS as u32 {
                    return Err(refused(
                        "一次最多导入 5000 行",
                        "At most 5,000 rows per import",
                    ));
                }
            }
            rows.push((row, Vec::new(), Vec::new()));
        }
        let limit = width.unwrap_or(MAX_COLUMNS);
        if col >= limit {
            return Err(if width.is_some() {
                AppError::from(CoursesError::BadFile {
                    zh: format!("第 {} 行在表头之外的第 {} 列还有内容", row + 1, col + 1),
                    en: format!(
                        "Row {} has a cell in column {}, outside the header",
                        row + 1,
                        col + 1
                    ),
                })
            } else {
                refused("表头最多 32 列", "The header has at most 32 columns")
            });
        }
        let (_, texts, dates) = rows.last_mut().expect("a row was pushed");
        if texts.len() <= col as usize {
            texts.resize(col as usize + 1, String::new());
            dates.resize(col as usize + 1, None);
        }
        texts[col as usize] = infra::input::clean_text(&text)?;
        dates[col as usize] = date;
    }
    let (records, dates) = rows
        .into_iter()
        .map(|(row, texts, dates)| ((row as usize + 1, texts), dates))
        .unzip();
    rows_from(records, dates)
}

/// Read a file: XLSX when it is a zip archive, CSV otherwise.
pub fn parse(bytes: &[u8]) -> AppResult<Vec<RawRow>> {
    if bytes.len() > MAX_BYTES {
        return Err(refused(
            "文件不能超过 4 MB",
            "The file must be at most 4 MB",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        xlsx_rows(bytes)
    } else {
        csv_rows(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_a_bom_chinese_headers_and_a_bad_date() {
        let f = "\u{feff}姓名,出生日期,院落,手机号,门牌\n王秀英,1948/3/5,花园颐院,138 1234 5678,3栋501\n\n李四,昨天,,,\n";
        let rows = parse(f.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(
            rows[0].birth_date,
            Some(Ok(NaiveDate::from_ymd_opt(1948, 3, 5).unwrap()))
        );
        assert_eq!(rows[0].courtyard.as_deref(), Some("花园颐院"));
        assert_eq!(rows[0].household.as_deref(), Some("3栋501"));
        assert_eq!(rows[1].household, None);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].birth_date, Some(Err(())));
        assert!(
            parse("手机号\n13812345678\n".as_bytes()).is_err(),
            "no name column"
        );
        assert!(parse(b"\xff\xfe").is_err(), "not UTF-8");
    }

    /// An XLSX with these cells (row, column, text), as a spreadsheet program writes it.
    fn xlsx(cells: &[(u32, u16, &str)]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (r, c, t) in cells {
            sheet.write_string(*r, *c, *t).unwrap();
        }
        book.save_to_buffer().unwrap()
    }

    fn refusal(bytes: &[u8]) -> String {
        parse(bytes).expect_err("refused").en.into_owned()
    }

    #[test]
    fn sheets_read_cell_by_cell_within_their_header() {
        let rows = parse(&xlsx(&[
            (0, 0, "姓名"),
            (0, 2, "院落"),
            (1, 0, "王秀英"),
            (1, 2, "花园颐院"),
            (3, 0, "李四"),
        ]))
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[1].line), (2, 4));
        assert_eq!(rows[0].courtyard.as_deref(), Some("花园颐院"));
        // A1 and XFD1048576: the bounding box is 17 billion cells; refused at the second.
        let far = refusal(&xlsx(&[(0, 0, "姓名"), (1_048_575, 16_383, "x")]));
        assert!(far.contains("5,000 rows"), "{far}");
        let wide = refusal(&xlsx(&[(0, 0, "姓名"), (1, 0, "王"), (1, 40, "x")]));
        assert!(wide.contains("outside the header"), "{wide}");
        let header = refusal(&xlsx(&[(0, 0, "姓名"), (0, 16_383, "x")]));
        assert!(header.contains("32 columns"), "{header}");
        let long = refusal(&xlsx(&[(0, 0, "姓名"), (1, 0, "王"), (5_002, 0, "李")]));
        assert!(long.contains("5,000 rows"), "{long}");
    }

    /// A few KB that inflate to far more than a registry: refused before any part is parsed.
    #[test]
    fn a_zip_bomb_is_refused_by_what_it_inflates_to() {
        use std::io::{Read, Write};
        let good = xlsx(&[(0, 0, "姓名"), (1, 0, "王秀英")]);
        let mut from = zip::ZipArchive::new(Cursor::new(&good[..])).unwrap();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for i in 0..from.len() {
            let mut part = from.by_index(i).unwrap();
            let name = part.name().to_owned();
            let mut body = Vec::new();
            part.read_to_end(&mut body).unwrap();
            out.start_file(name.as_str(), deflated).unwrap();
            if name == "xl/sharedStrings.xml" {
                let text = "王".repeat(16 << 20);
                write!(
                    out,
                    "<sst><si><t>{text}</t></si><si><t>王秀英</t></si></sst>"
                )
                .unwrap();
            } else {
                out.write_all(&body).unwrap();
            }
        }
        let bomb = out.finish().unwrap().into_inner();
        assert!(bomb.len() < MAX_BYTES, "{} bytes", bomb.len());
        let said = refusal(&bomb);
        assert!(said.contains("too large once unpacked"), "{said}");
    }
}
