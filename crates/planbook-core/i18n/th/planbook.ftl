# ข้อความของ planbook ภาษาไทย ทุก id ต้องมีใน i18n/en/planbook.ftl ด้วย (มีการทดสอบตรวจ)
# ค่าที่ส่งมาแสดงตามที่ได้รับ ตัวนับเลือกแบบ `[one]`/`*[other]` ได้

## ผลการตรวจ: `path:line:col: ข้อผิดพลาด: …`

diag-error = ข้อผิดพลาด
diag-warning = คำเตือน

## การอ่านค่า

field-missing = ไม่มีช่อง `{ $name }` ซึ่งต้องกรอก
field-empty = ช่อง `{ $name }` ว่างอยู่
money-invalid = `{ $value }` ไม่ใช่จำนวนเงินบาท: { $problem }
money-decimals = `{ $value }` มีทศนิยมเกิน 2 ตำแหน่ง: เงินบาทมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)
money-negative = จำนวนเงินตรงนี้ติดลบไม่ได้: `{ $value }`
number-invalid = `{ $value }` ไม่ใช่ตัวเลข: { $problem }
number-negative = `{ $value }` ติดลบไม่ได้
percent-not-percent-unit = `{ $value }` เป็นร้อยละ แต่หน่วยนับตรงนี้คือ `{ $unit }`: ให้เขียนเฉพาะตัวเลข
month-invalid = `{ $value }` ไม่ใช่เดือน: เขียนแบบ ปปปป-ดด เช่น 2566-01 หรือ 2023-01 หรือ ม.ค. 2566
month-outside-year = เดือน { $value } อยู่นอกปีงบประมาณ { $year } ({ $range })
date-invalid = `{ $value }` ไม่ใช่วันที่: เขียนแบบ ปปปป-ดด-วว เช่น 2566-01-20 หรือ 20 ม.ค. 2566
date-outside-year = วันที่ { $value } อยู่นอกปีงบประมาณ { $year } ({ $range })
id-key-twice = คีย์ `{ $key }` ซ้ำ: รหัส `{ $id }` มีอยู่แล้วที่บรรทัด { $line } (ช่องว่างรอบรหัสไม่นับ)
id-invalid = `{ $value }` ไม่ใช่รหัสที่ใช้ได้: ใช้อักษรอังกฤษตัวเล็ก a-z ตัวเลข 0-9 และ `-`
text-control-character = ข้อความนี้มีอักขระควบคุม U+{ $code } ซึ่งไม่มีหน้าใดแสดงได้: ให้ลบออก
number-write-digits = เขียนเป็นตัวเลข เช่น 6300 หรือ 1,234.50
number-groups = เครื่องหมายจุลภาคต้องคั่นทุก 3 หลัก เช่น 1,234,567
number-too-large = มากเกินไป
number-too-many-digits = หลักมากเกินไป: รวมกันได้ไม่เกิน 26 หลัก
number-too-large-or-precise = มากเกินไปหรือละเอียดเกินไป
number-over-cap = มากเกินไป: ตัวเลขต้องไม่เกิน 999,999,999,999,999
target-not-number = เป้าหมาย `{ $value }` ไม่ใช่ตัวเลข: { $problem }
site-language-invalid = `{ $value }` ไม่ใช่ภาษาที่ planbook ใช้ได้: เขียน `th` หรือ `en`

## YAML

yaml-empty-file = ไฟล์ว่างเปล่า: ควรมีบรรทัดแบบ `key: value`
yaml-null-value = ค่านี้ว่าง (`~` หรือ `null`): ให้ใส่ค่า หรือลบคีย์นี้ออก
yaml-expected-bool = ตรงนี้ต้องเป็น `true` หรือ `false`
yaml-tagged-value = ใช้ค่าที่มีแท็ก (`!!…`) ตรงนี้ไม่ได้: ให้เขียนค่าโดยไม่มีแท็ก
yaml-unknown-anchor = alias นี้ (`*name`) อ้างถึง anchor (`&name`) ที่ไม่มีเขียนไว้ข้างบน
yaml-too-deep = ซ้อนกันลึกเกิน { $depth } ชั้น
yaml-over-limits = ไฟล์เกินขีดจำกัดความปลอดภัยของ planbook สำหรับ YAML ({ $detail })
yaml-expected-mapping = ตรงนี้ต้องเป็นชุดบรรทัดแบบ `key: value`
yaml-expected-single = ตรงนี้ต้องเป็นค่าเดียว ไม่ใช่รายการหรือชุด `key: value`
yaml-expected-list = ตรงนี้ต้องเป็นรายการ (บรรทัดที่ขึ้นต้นด้วย `- `)
yaml-expected-other = ตรงนี้ต้องเป็นค่าชนิดอื่น
yaml-duplicate-key = คีย์ซ้ำ: { $key }
unknown-key-suggest = ไม่รู้จักคีย์ `{ $field }` หมายถึง `{ $best }` หรือไม่?
unknown-key-none-allowed = ไม่รู้จักคีย์ `{ $field }`: ตรงนี้ใส่คีย์ไม่ได้
unknown-key-list = ไม่รู้จักคีย์ `{ $field }` คีย์ที่ใช้ได้ตรงนี้คือ: { $keys }

## รหัสที่อ้างถึงภายในแผน ($what: task, kpi, budget-item)

unknown-ref-suggest = ไม่รู้จักรหัส{ $what ->
        [task] งาน
        [kpi] ตัวชี้วัด
       *[budget-item] รายการงบประมาณ
    } `{ $id }` หมายถึง `{ $best }` หรือไม่?
unknown-ref-none = ไม่รู้จักรหัส{ $what ->
        [task] งาน
        [kpi] ตัวชี้วัด
       *[budget-item] รายการงบประมาณ
    } `{ $id }`: แผนนี้ไม่มีรายการประเภทนี้เลย
unknown-ref-list = ไม่รู้จักรหัส{ $what ->
        [task] งาน
        [kpi] ตัวชี้วัด
       *[budget-item] รายการงบประมาณ
    } `{ $id }` แผนนี้มี: { $known }

## บรรทัดคำสั่ง: สรุปผล

check-ok = ผ่าน: แผน { $plans } แผน คำเตือน { $warnings } รายการ ข้อแจ้งเตือน { $alerts } รายการ
check-failed = ข้อผิดพลาด { $errors } รายการ คำเตือน { $warnings } รายการ
build-content-errors = เนื้อหามีข้อผิดพลาด { $errors } รายการ จึงยังไม่ได้เขียนสิ่งใด
wrote = เขียนไฟล์ { $path } แล้ว
no-plan-suggest = ไม่มีแผน `{ $plan }` หมายถึง `{ $best }` หรือไม่?
no-plan = ไม่มีแผน `{ $plan }`: ให้ระบุโฟลเดอร์ของแผนใต้ plans/ เช่น 2566/samut-prakan/debt-relief
copy-unreadable = อ่านแผนที่จะคัดลอกไม่ได้ { $path }: { $reason }
not-a-month = `{ $value }` ไม่ใช่เดือน: เขียนแบบ ปปปป-ดด เช่น 2566-03 หรือ ๒๕๖๖-๐๓ หรือ มี.ค. 2566
not-a-port = `{ $value }` ไม่ใช่หมายเลขพอร์ต: เป็นจำนวนเต็มตั้งแต่ 0 ถึง 65535 เช่น 1111
not-an-interface = `{ $value }` ไม่ใช่ที่อยู่ IP: เช่น 127.0.0.1 (เฉพาะเครื่องนี้) หรือ 0.0.0.0 (ทุกเครือข่าย)
not-a-year = `{ $value }` ไม่ใช่ปีงบประมาณ: เขียน เช่น 2567

## บรรทัดคำสั่ง: --help

help = แผนปฏิบัติงานและผลการใช้จ่ายงบประมาณ: จาก YAML เป็นเว็บไซต์ในอินทราเน็ต เอกสารแผนสำหรับพิมพ์ และรายงานทางอีเมล
help-check = ตรวจและคำนวณอย่างเดียว แสดงข้อผิดพลาดและคำเตือน จบด้วยรหัส 1 เมื่อมีข้อผิดพลาด
help-check--content = โฟลเดอร์เนื้อหา
help-check--as_of = คำนวณ ณ เดือนนี้ (ปปปป-ดด พ.ศ. หรือ ค.ศ.)
help-check--alerts = แสดงข้อแจ้งเตือนของทุกแผน (ปกติแสดงเฉพาะแผนในโฟลเดอร์ปัจจุบัน)
help-build = ตรวจ คำนวณ และเขียนเว็บไซต์กับไฟล์ข้อมูล
help-build--content = โฟลเดอร์เนื้อหา
help-build--output = โฟลเดอร์ที่จะเขียนเว็บไซต์ (แทนที่ทั้งโฟลเดอร์ในคราวเดียว)
help-build--as_of = คำนวณ ณ เดือนนี้ (ปปปป-ดด พ.ศ. หรือ ค.ศ.)
help-build--keep_going = ข้ามแผน (และปีงบประมาณ หน้า) ที่มีข้อผิดพลาด แล้วเผยแพร่ส่วนที่เหลือ จบด้วยรหัส 3 เมื่อมีสิ่งที่ถูกข้าม
help-build--pdf = พิมพ์เอกสารแผนทุกแผนเป็น PDF ไว้ข้างกันด้วย (ต้องมี Chromium, Chrome หรือ Edge)
help-serve = สร้างเว็บไซต์ เปิดให้ดูที่ 127.0.0.1 สร้างใหม่ทุกครั้งที่แก้ไข และโหลดหน้าเบราว์เซอร์ใหม่
help-serve--content = โฟลเดอร์เนื้อหา (เฝ้าดูโฟลเดอร์ `themes/` ที่อยู่ข้างกันด้วย)
help-serve--port = พอร์ต ถ้าถูกใช้อยู่จะลองสิบพอร์ตถัดไป
help-serve--interface = ที่อยู่ที่รอรับการเชื่อมต่อ (เครื่องอื่นเห็นเว็บไซต์ได้ เว้นแต่เป็น loopback)
help-serve--open = เปิดเว็บไซต์ในเบราว์เซอร์
help-serve--poll = ตรวจหาการแก้ไขทุกครึ่งวินาที (สำหรับไดรฟ์เครือข่ายที่ไม่แจ้งเหตุการณ์)
help-serve--as_of = คำนวณ ณ เดือนนี้ (ปปปป-ดด พ.ศ. หรือ ค.ศ.)
help-new = เริ่มแผนใหม่ หรือรายงานผลประจำเดือน จากแบบฟอร์มที่เติมไว้ให้
help-new-plan = เขียน plans/<ปี>/<หน่วยงาน>/<กิจกรรม>/plan.yaml ให้กรอก หรือคัดลอกจากแผนเดิม
help-new-plan--target = หน่วยงาน/กิจกรรม เช่น samut-prakan/debt-relief
help-new-plan--year = ปีงบประมาณ พ.ศ. (2567) หรือ ค.ศ. (2024)
help-new-plan--from = คัดลอกแผนนี้ (เช่น 2566/samut-prakan/debt-relief): คงจำนวนเงินไว้ ไม่เอาผลการดำเนินงาน
help-new-plan--content = โฟลเดอร์เนื้อหา
help-new-progress = เขียนรายงานผลประจำเดือนของแผน โดยระบุทุกรหัสไว้ให้
help-new-progress--plan = แผน เช่น 2566/samut-prakan/debt-relief
help-new-progress--month = เดือน (ปปปป-ดด พ.ศ. หรือ ค.ศ. ใช้เลขไทยได้)
help-new-progress--xlsx = เขียนเป็นไฟล์ Excel ให้กรอกแทน (อ่านกลับด้วย `planbook import`)
help-new-progress--output = ใช้กับ --xlsx: ไฟล์ที่จะเขียน ปกติคือ OFFICE-ACTIVITY-YYYY-MM.xlsx (พ.ศ.) ในโฟลเดอร์นี้
help-new-progress--content = โฟลเดอร์เนื้อหา
help-report = เขียนรายงาน HTML ไฟล์เดียวของหน่วยงานหรือแผนประจำเดือน สำหรับแนบอีเมล
help-report--target = ปี/หน่วยงาน (2566/samut-prakan) หรือ ปี/หน่วยงาน/กิจกรรม (2566/samut-prakan/debt-relief)
help-report--month = เดือน (ปปปป-ดด พ.ศ. หรือ ค.ศ.) ถ้าไม่ระบุใช้เดือนล่าสุดที่มีรายงาน
help-report--output = ไฟล์ที่จะเขียน ปกติคือ รายงาน-OFFICE[-ACTIVITY]-YYYY-MM.html ในโฟลเดอร์ปัจจุบัน
help-report--content = โฟลเดอร์เนื้อหา
help-import = อ่านไฟล์ Excel ผลการดำเนินงาน (จาก `new progress --xlsx`) กลับเป็นรายงานประจำเดือน
help-import--file = ไฟล์ Excel ที่กรอกแล้ว
help-import--force = แทนที่รายงานของเดือนนั้นถ้ามีอยู่แล้ว (แสดงบรรทัดที่เปลี่ยน)
help-import--content = โฟลเดอร์เนื้อหา
help-register = เขียนทะเบียนคุมการจัดสรร - เบิกจ่ายงบประมาณ ของหน่วยงานประจำเดือน เป็นไฟล์ Excel
help-register--target = ปี/หน่วยงาน เช่น 2566/samut-prakan
help-register--month = เดือน (ปปปป-ดด พ.ศ. หรือ ค.ศ.) ถ้าไม่ระบุใช้เดือนล่าสุดที่มีรายงาน
help-register--output = ไฟล์ที่จะเขียน ปกติคือ ทะเบียนคุม-OFFICE-YYYY-MM.xlsx ในโฟลเดอร์ปัจจุบัน
help-register--content = โฟลเดอร์เนื้อหา
help-pdf = พิมพ์เอกสารแผนเป็น PDF ด้วย Chromium, Chrome หรือ Edge ที่ติดตั้งไว้ (หรือ PLANBOOK_BROWSER)
help-pdf--plans = ปี/หน่วยงาน/กิจกรรม (2566/samut-prakan/debt-relief) หรือ ปี/หน่วยงาน สำหรับทุกแผนของหน่วยงาน
help-pdf--output = โฟลเดอร์ที่จะเขียนไฟล์ PDF (YEAR-OFFICE-ACTIVITY.pdf)
help-pdf--content = โฟลเดอร์เนื้อหา

## แผน งบประมาณ รายงานประจำเดือน

budget-empty = งบประมาณไม่มีรายการเลย
budget-type-unknown = ไม่รู้จักประเภทงบประมาณ `{ $value }`: ใช้ได้เฉพาะ { $names }
budget-type-not-top = กำหนด `type` ได้เฉพาะรายการงบประมาณชั้นบนสุด รายการนี้ใช้ประเภทเดียวกับรายการแม่
budget-type-missing = ไม่มี `type` (personnel, operating, investment, subsidy, other): นับเป็นรายจ่ายประจำ
budget-amount-and-items = รายการงบประมาณมีได้อย่างใดอย่างหนึ่ง คือ `amount` (รายการย่อย) หรือ `items` (กลุ่มรายการ) ไม่ใช่ทั้งสองอย่าง
budget-amount-missing = ไม่มีช่อง `amount` ซึ่งต้องกรอก (หรือ `items` สำหรับกลุ่มรายการ)
budget-total-on-line = `total` ใช้กับรายการที่มี `items` เท่านั้น รายการย่อยใช้ `amount`
budget-items-empty = `items` ว่างอยู่: กลุ่มรายการต้องมีอย่างน้อยหนึ่งรายการ
budget-total-differs = ยอดรวม { $total } ไม่เท่ากับผลรวมของรายการย่อย { $sum }
event-kind-unknown = ไม่รู้จักประเภทกิจกรรม `{ $value }`: ใช้ training, seminar หรือ meeting
event-evaluated-early = รายงานผลการประเมินวันที่ { $evaluated } ก่อนกิจกรรมสิ้นสุดวันที่ { $ended }
id-duplicate = รหัส `{ $id }` ซ้ำ: ใช้แล้วที่บรรทัด { $line } (รหัสต้องไม่ซ้ำกันภายในแผน)
placeholder-left = `{ $placeholder }` เป็นข้อความตั้งต้นจาก `planbook new plan`: ให้เขียนข้อความจริงตามแผนที่ได้รับอนุมัติ
allocation-zero = แผนนี้ได้รับจัดสรร 0 บาท: ให้กรอกจำนวนเงินของรายการงบประมาณ
plan-year-differs = fiscal_year `{ $value }` ไม่ตรงกับโฟลเดอร์ของแผน plans/{ $year }/
kpi-direction-unknown = ไม่รู้จักทิศทาง `{ $value }`: ใช้ at_least หรือ at_most
schedule-sum-differs = แผนการดำเนินงานรวมได้ { $planned } แต่เป้าหมายคือ { $target }
month-twice = เดือน { $month } ระบุซ้ำ
revision-of-group = `{ $id }` เป็นกลุ่มรายการ: การโอนเปลี่ยนแปลงทำได้กับรายการย่อย (รายการที่มี `amount`)
revision-below-zero = การโอนเปลี่ยนแปลงนี้จะทำให้ `{ $id }` เหลือ { $amount } บาท: รายการติดลบไม่ได้
spending-plan-differs = แผนการใช้จ่ายรวมได้ { $planned } แต่งบประมาณที่ได้รับจัดสรรคือ { $allocation }
plan-folder-no-plan = โฟลเดอร์แผน plans/{ $plan }/ ไม่มีไฟล์ plan.yaml
fiscal-year-no-file = ปีงบประมาณ { $year } ไม่มีไฟล์ fiscal-years/{ $year }.yaml
entry-twice = รายงานของเดือน { $month } ซ้ำ: แผนหนึ่งมีรายงานได้เดือนละหนึ่งไฟล์
site-year-invalid = `{ $value }` ไม่ใช่ปีงบประมาณ: เขียนเป็น พ.ศ. เช่น 2566
site-due-day-invalid = report_due_day `{ $value }` ไม่ใช่วันที่ของเดือน: เขียน 1 ถึง 31 เช่น 10 คือวันที่ 10 ของเดือนถัดไป
site-digits-invalid = thai_digits ต้องเป็น true, false หรือ official ไม่ใช่ `{ $value }`

## ไฟล์ในโฟลเดอร์เนื้อหา

file-not-read = ไฟล์นี้ไม่ได้อยู่ในที่ที่ planbook อ่าน (site.yaml, fiscal-years/, plans/<ปี>/<หน่วยงาน>/<กิจกรรม>/, pages/): ข้ามไป
file-hidden = ชื่อขึ้นต้นด้วย `.` จึงเป็นไฟล์ซ่อนและถูกข้ามไปพร้อมทุกอย่างข้างใน: เปลี่ยนชื่อถ้าต้องการให้อ่าน
page-no-front-matter = หน้าต้องขึ้นต้นด้วยส่วนหัว: บรรทัด `---` ตามด้วย `title: …` และบรรทัด `---` อีกบรรทัด
page-front-matter-open = ส่วนหัวของหน้าไม่มีบรรทัด `---` ปิดท้าย

## บรรทัดคำสั่ง: คำของ clap เอง

help-usage = วิธีใช้:
help-heading-commands = คำสั่ง
help-heading-options = ตัวเลือก
help-flag = แสดงวิธีใช้
help-heading-arguments = อาร์กิวเมนต์
help-default = [ค่าเริ่มต้น: { $value }]
help-usage-options = [ตัวเลือก]
help-version-flag = แสดงรุ่นของโปรแกรม

## การใช้จ่ายเทียบกับงบประมาณ

# ส่วนที่ว่างของข้อความ (ไม่มีรายละเอียด ไม่มีคำแนะนำ)
nothing = { "" }
spend-line-over = `{ $id }` เบิกจ่ายและก่อหนี้ผูกพันรวม { $spent } บาท ณ { $month } เกินวงเงิน { $allocation }
spend-flexible-room = { $what } ยอมให้ได้เพราะเป็นรายการถัวจ่ายและกลุ่มรายการยังมีวงเงินเหลือ{ $parts }
spend-flexible-no-room = { $what } เป็นรายการถัวจ่ายแต่กลุ่มรายการไม่มีวงเงินเหลือแล้ว{ $parts }
spend-over = { $what }{ $parts }
spend-breakdown = { " " }(เบิกจ่าย { $disbursed } + ก่อหนี้ผูกพัน { $committed }{ $stale })
spend-stale-commitment = ; ก่อหนี้ผูกพันนี้รายงานไว้เมื่อ { $month }: เมื่อจ่ายแล้วให้เขียน `{ $id }: 0` ใต้ `committed:`
spend-group-over = กลุ่มรายการ `{ $id }` เบิกจ่ายและก่อหนี้ผูกพันรวม { $spent } บาท ณ { $month } เกินวงเงิน { $allocation }
spend-plan-over = แผนนี้เบิกจ่ายและก่อหนี้ผูกพันรวม { $spent } บาท ณ { $month } เกินงบประมาณที่ได้รับจัดสรร { $allocation }
spend-above-received = เบิกจ่ายแล้ว { $disbursed } บาท ณ { $month } แต่ได้รับโอนเพียง { $received } บาท (รับโอน)

## การอ่านไฟล์ในโฟลเดอร์เนื้อหา

file-cannot-read = อ่านไฟล์ไม่ได้: { $reason }
file-special = ไฟล์นี้เป็น{ $what ->
        [symlink] ลิงก์ (symlink)
        [fifo] ไปป์ (FIFO)
        [socket] ซ็อกเก็ต
        [device] อุปกรณ์
       *[other] ไฟล์พิเศษ
    } ไม่ใช่ไฟล์ธรรมดา: planbook อ่านเฉพาะไฟล์ธรรมดา จึงข้ามไฟล์นี้ไป
file-not-regular = ไฟล์นี้ไม่ใช่ไฟล์ธรรมดา: planbook อ่านเฉพาะไฟล์ธรรมดา
file-too-large = ไฟล์มีขนาด { $size } ไบต์ เกิน { $limit } MiB ที่ไฟล์เนื้อหาหนึ่งไฟล์มีได้
file-grew = ไฟล์มีขนาดเกิน { $limit } MiB ที่ไฟล์เนื้อหาหนึ่งไฟล์มีได้ (ไฟล์ใหญ่ขึ้นระหว่างที่อ่าน)
file-not-utf8 = ไฟล์นี้ไม่ได้บันทึกเป็นข้อความ UTF-8 (ให้บันทึกเป็น UTF-8; ใน Excel เลือก "CSV UTF-8" ในโปรแกรมแก้ไขข้อความเลือก "UTF-8")
file-twice = มีสองไฟล์ที่เป็น{ $what ->
        [site] การตั้งค่าเว็บไซต์
       *[plan] แผน
    }: ไฟล์นี้และ { $other } ให้เก็บไว้เพียงไฟล์เดียว
io-error = { $kind ->
        [permission-denied] ไม่มีสิทธิ์เข้าถึง
        [not-found] ไม่พบไฟล์หรือโฟลเดอร์นี้
        [already-exists] มีไฟล์หรือโฟลเดอร์ชื่อนี้อยู่แล้ว
        [is-a-directory] ชื่อนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์
        [not-a-directory] ส่วนหนึ่งของเส้นทางเป็นไฟล์ ไม่ใช่โฟลเดอร์
        [directory-not-empty] โฟลเดอร์ยังมีไฟล์อยู่
        [storage-full] ดิสก์เต็ม: ลบไฟล์ที่ไม่ใช้แล้วหรือเลือกที่เก็บอื่น
        [quota-exceeded] ใช้พื้นที่เกินโควตาที่ได้รับ
        [read-only] ดิสก์นี้อ่านได้อย่างเดียว เขียนไม่ได้
        [file-too-large] ไฟล์ใหญ่เกินกว่าที่ระบบไฟล์นี้รับได้
        [invalid-filename] ระบบนี้ใช้ชื่อไฟล์นี้ไม่ได้ (ยาวเกินไปหรือมีอักขระที่ใช้ไม่ได้)
        [busy] ไฟล์กำลังถูกโปรแกรมอื่นใช้อยู่: ปิดโปรแกรมนั้นแล้วลองอีกครั้ง
        [crosses-devices] ย้ายข้ามดิสก์ไม่ได้
        [timed-out] หมดเวลารอ
        [interrupted] ถูกขัดจังหวะ: ลองอีกครั้ง
        [out-of-memory] หน่วยความจำไม่พอ
        [address-in-use] พอร์ตนี้มีโปรแกรมอื่นใช้อยู่: เลือกพอร์ตอื่นด้วย --port
        [address-not-available] เครื่องนี้ใช้ที่อยู่นี้ไม่ได้
        [connection] การเชื่อมต่อถูกปฏิเสธหรือถูกตัด
        [unexpected-eof] ไฟล์จบก่อนที่ควรจะจบ (อาจบันทึกไม่ครบ)
        [invalid-data] ข้อมูลในไฟล์ไม่ถูกต้อง
        [unsupported] ระบบนี้ไม่รองรับการทำงานนี้
       *[other] ระบบแจ้งว่า: { $said }
    }

## โฟลเดอร์ ปีงบประมาณ หน้าเว็บ การตั้งค่า

plan-in-two-folders = แผน { $plan } อยู่ใน { $others } ด้วย: แผนหนึ่งมีโฟลเดอร์เดียว ให้ลบโฟลเดอร์อื่นออก
fiscal-year-file-ce = ชื่อไฟล์ `{ $stem }` เป็นปี ค.ศ.: ไฟล์ปีงบประมาณตั้งชื่อเป็นปี พ.ศ. ให้เปลี่ยนชื่อเป็น `{ $year }.yaml`
fiscal-year-twice = ปีงบประมาณ { $year } กำหนดไว้สองที่: ที่นี่และใน { $others } ให้เก็บไว้เพียงไฟล์เดียว
year-folder-ce = โฟลเดอร์ปี plans/{ $folder }/ เป็นปี ค.ศ.: โฟลเดอร์ปีต้องเป็นปี พ.ศ. ให้เปลี่ยนชื่อเป็น plans/{ $year }/
year-folder-not-year = plans/{ $folder }/ ไม่ใช่ปีงบประมาณ: โฟลเดอร์แผนคือ plans/<ปี พ.ศ.>/<หน่วยงาน>/<กิจกรรม>/
folder-name-invalid = ชื่อโฟลเดอร์{ $what ->
        [office] หน่วยงาน
       *[activity] กิจกรรม
    } `{ $name }` ต้องใช้อักษรอังกฤษตัวเล็ก a-z ตัวเลข 0-9 และ `-` เท่านั้น
folder-names-too-long = ชื่อโฟลเดอร์หน่วยงานและกิจกรรมยาวเกินไป: ไฟล์ที่ยาวที่สุดที่สร้างจากชื่อเหล่านี้ (รายงานทางอีเมล `รายงาน-<หน่วยงาน>-<กิจกรรม>-<เดือน>.html` และไฟล์ชั่วคราวของมัน) จะมีชื่อยาว { $bytes } ไบต์ เกิน { $limit } ไบต์ที่ชื่อไฟล์มีได้ ให้ย่อชื่อทั้งสองรวมกันลง { $excess } ตัวอักษร
page-weight-invalid = ลำดับ (weight) `{ $value }` ไม่ใช่จำนวนเต็ม
page-name-invalid = ชื่อไฟล์หน้า `{ $slug }.md` ต้องใช้อักษรอังกฤษตัวเล็ก a-z ตัวเลข 0-9 และ `-` เท่านั้น
office-name-differs = ชื่อหน่วยงาน `{ $name }` ไม่ตรงกับ `{ $common }` ที่แผนอื่นใน plans/{ $year }/{ $office }/ ใช้: โฟลเดอร์หน่วยงานหนึ่งคือหน่วยงานเดียว
code-invalid = `{ $code }` ไม่ใช่รหัสงบประมาณ: { $problem }
code-too-long = ยาวเกิน { $max } ตัวอักษร
code-bad-character = ใช้ `{ $bad }` ไม่ได้ (ใช้ได้เฉพาะอักษร A–Z ตัวเลข 0–9 `-` `.` และ `/`)
base-path-invalid = base_path `{ $value }` ไม่ใช่ที่อยู่ของเว็บไซต์: เขียนเส้นทางจากรากของเซิร์ฟเวอร์ เช่น `/` หรือ `/plans/` หรือที่อยู่เต็ม เช่น `https://intranet.example/plans/`
theme-name-invalid = ธีม `{ $name }` ไม่ใช่ชื่อโฟลเดอร์: เขียนชื่อโฟลเดอร์ใน themes/ ที่อยู่ข้างโฟลเดอร์เนื้อหา เช่น `theme: mine` สำหรับ themes/mine/
theme-error = ธีมมีข้อผิดพลาด: { $detail }
fiscal-year-differs = fiscal_year { $declared } ไม่ตรงกับปี { $named } ในชื่อไฟล์
fiscal-year-missing = ไม่มีช่อง `fiscal_year` ซึ่งต้องกรอก (ชื่อไฟล์ก็ไม่ใช่ปี)
target-not-percentage = เป้าหมาย `{ $value }` ไม่ใช่ร้อยละระหว่าง 0 ถึง 100
targets-not-cumulative = เป้าหมายเป็นยอดสะสม: แต่ละค่าควรไม่น้อยกว่าค่าก่อนหน้า
targets-count = ให้ใส่เป้าหมายสิ้นไตรมาส 4 ค่า หรือสิ้นเดือน 12 ค่า ไม่ใช่ { $count } ค่า
link-leaves-site = การอ้างอิง `{ $href }` ชี้ออกนอกโฟลเดอร์เว็บไซต์ (ในหน้า { $page }): ห้ามชี้ออกนอกโฟลเดอร์
link-broken = ลิงก์ `{ $href }` ไม่ได้ชี้ไปยังไฟล์ใดของเว็บไซต์ (ในหน้า { $page })

## บรรทัดคำสั่ง: สิ่งที่เขียนแล้ว

built = สร้างเว็บไซต์จากแผน { $plans } แผนลงใน { $output } แล้ว: { $pages } หน้า แผนภูมิ { $charts } ภาพ ไฟล์ { $files } ไฟล์ คำเตือน { $warnings } รายการ ใช้เวลา { $seconds } วินาที
wrote-counted = เขียนไฟล์ { $path } แล้ว ({ $size }, { $count } { $what ->
        [rows] แถว
       *[plans] แผน
    }, เดือน { $month })
wrote-month = เขียนไฟล์ { $path } แล้ว (เดือน { $month })
printed-documents = พิมพ์เอกสาร { $count } ฉบับ ใช้เวลา { $seconds } วินาที
import-replaced-same = แทนที่รายงานเดิมแล้ว ไม่มีค่าใดเปลี่ยน
import-replaced-changed = แทนที่รายงานเดิมแล้ว ค่าที่เปลี่ยน:
note = หมายเหตุ
left-out-office = ── หน่วยงาน { $office }: ไม่ได้เผยแพร่ { $count } แผน ──
left-out-line = ไม่ได้เผยแพร่ { $plans } แผน และไฟล์ตั้งค่า { $files } ไฟล์ เพราะมีข้อผิดพลาด { $errors } รายการ ดูที่ { $page }
alerts-of-plan = { $plan } ({ $office } ณ { $month }): ข้อแจ้งเตือน { $count } รายการ
help-subcommand-help = แสดงวิธีใช้นี้ หรือวิธีใช้ของคำสั่งย่อยที่ระบุ

## บรรทัดคำสั่ง: ข้อผิดพลาดของ build, check, report, register

no-content-folder = { $path }: ไม่มีโฟลเดอร์เนื้อหานี้
cannot-write = เขียน { $what } ไม่ได้
cannot-make-workbook = สร้างไฟล์ Excel ไม่ได้: { $reason }
template-error = แม่แบบ { $template }: { $detail }
font-subset-error = ตัดชุดอักษร Sarabun น้ำหนัก { $weight } ไม่ได้: { $detail }
admin-file-unreadable = อ่าน { $path } ไม่ได้: { $reason }
report-target-invalid = `{ $value }` ไม่ใช่สิ่งที่รายงานได้: เขียน ปี/หน่วยงาน (2566/samut-prakan) หรือ ปี/หน่วยงาน/กิจกรรม (2566/samut-prakan/debt-relief)
register-target-invalid = `{ $value }` ไม่ใช่ ปี/หน่วยงาน (เช่น 2566/samut-prakan)
no-office = ไม่มีหน่วยงาน `{ $office }`: ไม่มีแผนในโฟลเดอร์นั้น
no-office-in-year = ไม่มีหน่วยงาน `{ $office }` ในปีงบประมาณ { $year }
no-plan-plain = ไม่มีแผน `{ $plan }`
year-has-no-plans = { $what } ปีงบประมาณ { $year } ยังไม่มีแผน
with-suggestion = { $what } หมายถึง `{ $best }` หรือไม่?
month-outside-target-year = เดือน { $month } อยู่นอกปีงบประมาณ { $year } ของ `{ $target }`: เลือกเดือนตั้งแต่ { $first } ถึง { $last }
month-outside-office-year = เดือน { $month } อยู่นอกปีงบประมาณ { $year }: เลือกเดือนตั้งแต่ { $first } ถึง { $last }
report-no-entry = `{ $target }` ไม่มีรายงานของเดือน { $month }: รายงานจะแสดงเดือนนั้นว่ายังไม่รายงาน{ $latest }
report-latest-entry = { " " }(รายงานล่าสุดคือเดือน { $month })
link-external-short = การอ้างอิงที่ชี้ออกนอกโฟลเดอร์เว็บไซต์ในหน้า { $page }: { $href } (ห้ามชี้ออกนอกโฟลเดอร์)
link-broken-short = ลิงก์เสียในหน้า { $page }: { $href }

## new, import, serve และ pdf: ข้อผิดพลาดและสิ่งที่แจ้งระหว่างทำงาน

content-has-errors = เนื้อหามีข้อผิดพลาด ให้แก้ไขก่อน
scaffold-exists = มี { $path } อยู่แล้ว: planbook new ไม่เขียนทับไฟล์เดิม
import-exists = มี { $path } อยู่แล้ว: ใส่ --force เพื่อแทนที่
cannot-write-because = เขียน { $path } ไม่ได้: { $reason }
new-plan-target-invalid = `{ $value }` ไม่ใช่ หน่วยงาน/กิจกรรม ที่เขียนด้วยอักษร a-z ตัวเล็ก ตัวเลข และ `-` เช่น samut-prakan/debt-relief
from-without-year = `{ $value }` ไม่ได้ขึ้นต้นด้วยปีงบประมาณ
import-unreadable = { $path }: อ่านเป็นไฟล์ Excel ไม่ได้: { $reason }
import-cell-problems = ไฟล์ Excel มีปัญหา { $count } รายการ จึงยังไม่ได้เขียนอะไร
import-month-cell = { $place }: `{ $value }` ไม่ใช่เดือน (ปปปป-ดด) ช่องเดือนถูกแก้ไข
import-number-too-large = { $value } เป็นตัวเลขที่ planbook เก็บไม่ได้
import-not-a-number = ไม่ใช่ตัวเลข ({ $value })
import-unknown-id = { $place }: ไม่รู้จัก{ $what } `{ $id }` (ช่องรหัสต้องคงไว้ตามเดิม)
serve-cannot-make-folder = สร้างโฟลเดอร์ผลลัพธ์ส่วนตัวไม่ได้
serve-cannot-listen = เปิดรับการเชื่อมต่อที่ { $interface } ไม่ได้ (พอร์ต { $first } ถึง { $last })
serve-cannot-read-address = อ่านที่อยู่ที่เปิดรับการเชื่อมต่อไม่ได้
serve-cannot-start = เริ่มเซิร์ฟเวอร์ไม่ได้
serve-cannot-remove = ลบ { $path } ไม่ได้
serve-cannot-watch = ติดตามการเปลี่ยนแปลงไม่ได้: { $reason }
serve-building-into = สร้างเว็บไซต์ไว้ที่ { $path } (ใช้เฉพาะเซิร์ฟเวอร์นี้ ลบเมื่อปิด)
serve-port-taken = พอร์ต { $wanted } ถูกใช้อยู่ จึงใช้พอร์ต { $port } แทน
serve-serving = เปิดให้ดูที่ { $url }
serve-public = เปิดรับการเชื่อมต่อที่ { $address }: เครื่องอื่นในเครือข่ายเห็นเว็บไซต์นี้ได้
serve-watching = ติดตามการเปลี่ยนแปลงใน { $folders } (กด Ctrl-C เพื่อหยุด)
serve-folder-and = { $first } และ { $second }
serve-stopped = หยุดแล้ว ลบ { $path } แล้ว
serve-polling = รับแจ้งการเปลี่ยนแปลงจากระบบไม่ได้ ({ $reason }) จึงตรวจหาการเปลี่ยนแปลงเป็นระยะแทน เหมือนใส่ --poll (บน Linux เพิ่มค่า fs.inotify.max_user_watches เพื่อเลี่ยงกรณีนี้)
serve-stopping = กำลังหยุด (กดอีกครั้งเพื่อหยุดทันทีโดยไม่รอการสร้างที่ทำอยู่)
serve-no-ctrl-c = รับ Ctrl-C ไม่ได้ ({ $reason }) โฟลเดอร์ผลลัพธ์ส่วนตัวอาจค้างอยู่
serve-built = สร้างเสร็จใน { $ms } มิลลิวินาที: { $pages } หน้า { $files } ไฟล์
serve-rebuilt = สร้างใหม่เสร็จใน { $ms } มิลลิวินาที: { $pages } หน้า ({ $what })
serve-watch-problem = ติดตามการเปลี่ยนแปลง: { $problem }
serve-panicked = การสร้างหยุดลงเพราะข้อบกพร่องของ planbook (panic ตามที่แสดงข้างบน) ยังเปิดให้ดูเว็บไซต์ฉบับล่าสุดที่สร้างได้
serve-no-browser = เปิดเบราว์เซอร์ไม่ได้ ({ $program }: { $reason })
serve-request-failed = ตอบคำขอไม่สำเร็จ (ข้อบกพร่อง) เซิร์ฟเวอร์ยังทำงานต่อ
pdf-cannot-print = เบราว์เซอร์พิมพ์ { $document } ไม่ได้: { $reason }
pdf-cannot-tag = ใส่ข้อมูลกำกับ PDF ของ { $document } ไม่ได้: { $reason }
pdf-no-fiscal-year = ไม่มี fiscal-years/{ $year }.yaml สำหรับ { $plan }
pdf-browser-not-a-file = { $variable }={ $path } ไม่ใช่ไฟล์: ให้ชี้ไปที่ Chromium, Chrome หรือ Edge
pdf-no-browser = การพิมพ์เป็น PDF ต้องใช้ Chromium, Google Chrome หรือ Microsoft Edge แต่ไม่พบเลย: ติดตั้งโปรแกรมหนึ่ง (Debian/Ubuntu: `apt-get install chromium`; Windows และ macOS: Chrome หรือ Edge) หรือกำหนด { $variable } ให้ชี้ไปที่โปรแกรม
import-row = แถว
serve-and-more = { $first } และอีก { $more } ไฟล์

## โฟลเดอร์ผลลัพธ์ที่ไม่ยอมเขียน

guard-refused = ไม่เขียนลง { $output }{ $resolved }: { $why } ให้เลือก --output อื่น
guard-that-is = { " " }(คือ { $path })
guard-is = เป็น{ $what } { $path }
guard-inside = อยู่ใน{ $what } { $path }
guard-holds = มี{ $what } { $path } อยู่ข้างใน ซึ่งการสร้างจะเขียนทับ
guard-root = โฟลเดอร์ผลลัพธ์ถูกแทนที่ทั้งโฟลเดอร์ และนี่คือ /
guard-not-a-folder = มีอยู่แล้วและไม่ใช่โฟลเดอร์
guard-part-not-a-folder = { $path } มีอยู่แล้วและไม่ใช่โฟลเดอร์
guard-name-too-long = ชื่อยาวเกินไป: โฟลเดอร์ชั่วคราวที่สร้างข้าง ๆ จะมีชื่อยาว { $bytes } ไบต์ เกินขีดจำกัด { $limit }
guard-symlink = เป็นลิงก์สัญลักษณ์ (symlink) ซึ่งการสร้างจะแทนที่ ให้ระบุโฟลเดอร์ที่ลิงก์ชี้ไปแทน
output-path-outside = ไม่ใช่เส้นทางภายในโฟลเดอร์ผลลัพธ์
output-not-a-file-name = ไม่ใช่ชื่อไฟล์
guard-content-folder = โฟลเดอร์เนื้อหา
guard-themes-folder = โฟลเดอร์ธีม

## บรรทัดคำสั่งที่ใช้ไม่ได้

cli-unknown-argument = ไม่รู้จัก '{ $arg }' ในคำสั่งนี้
cli-invalid-subcommand = ไม่มีคำสั่ง '{ $name }'
cli-value-required = '{ $arg }' ต้องมีค่าตามหลัง แต่ไม่ได้ใส่ค่าไว้
cli-invalid-value = ใช้ค่า '{ $value }' กับ '{ $arg }' ไม่ได้
cli-possible-values = ค่าที่ใช้ได้: { $values }
cli-value-validation = ใช้ค่า '{ $value }' กับ '{ $arg }' ไม่ได้: { $reason }
cli-no-equals = '{ $arg }' ต้องเขียนค่าต่อด้วยเครื่องหมาย = เช่น { $arg }=ค่า
cli-too-many-values = มีค่า '{ $value }' เกินมาสำหรับ '{ $arg }' ซึ่งรับค่าครบแล้ว
cli-wrong-number-of-values = '{ $arg }' ต้องมี { $expected } ค่า แต่ใส่มา { $actual } ค่า
cli-conflict = ใช้ '{ $arg }' ร่วมกับ '{ $prior }' ไม่ได้
cli-conflict-many = ใช้ '{ $arg }' ร่วมกับตัวเลือกอื่นที่ใส่มาไม่ได้
cli-missing-required = ต้องใส่: { $args }
cli-missing-subcommand = '{ $name }' ต้องตามด้วยคำสั่งย่อย
cli-invalid-utf8 = บรรทัดคำสั่งมีข้อความที่ไม่ใช่ UTF-8
cli-other = ระบบแจ้งว่า: { $said }
cli-did-you-mean = หมายถึง{ $what ->
        [subcommand] คำสั่ง
        [value] ค่า
       *[argument] ตัวเลือก
    } { $names } หรือไม่?
cli-tip = คำแนะนำ: { $tip }
cli-advice-value = ถ้าต้องการให้ '{ $value }' เป็นค่า ให้เขียน '{ $usage }'
cli-advice-no-dashes = มีคำสั่ง '{ $name }' อยู่: ถ้าต้องการใช้ ให้ลบ '--' ที่อยู่ข้างหน้าออก
cli-advice-exists = มี '{ $usage }' อยู่
cli-more = ดูวิธีใช้เพิ่มเติมด้วย '{ $help }'
