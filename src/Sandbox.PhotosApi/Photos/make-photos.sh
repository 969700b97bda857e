#!/usr/bin/env bash
# Regenerates the committed sample photos (not part of the build; needs Debian's imagemagick and fonts-dejavu-core).
# Every picture is drawn locally from gradients and shapes: nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")"
IM=/usr/bin/convert
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

# scene ID TITLE SKY_TOP SKY_BOTTOM GROUND_TOP GROUND_BOTTOM DRAW...
scene() {
  local id=$1 title=$2 sky1=$3 sky2=$4 g1=$5 g2=$6; shift 6
  "$IM" -size 1200x520 "gradient:$sky1-$sky2" \
        \( -size 1200x280 "gradient:$g1-$g2" \) -append \
        "$@" \
        -fill '#00000066' -draw 'rectangle 0,700 1200,800' \
        -font "$FONT" -pointsize 44 -fill white -annotate +40+765 "$title" \
        -pointsize 18 -fill '#ffffffb0' -annotate +960+765 'Sandbox sample' \
        -depth 8 +dither -colors 192 -strip -define png:compression-level=9 "PNG8:$id.png"
  "$IM" "$id.png" -resize 360x240 -depth 8 +dither -colors 128 -strip -define png:compression-level=9 "PNG8:$id.thumb.png"
}

# alice
scene harbour-at-dawn 'Harbour at dawn' '#1d2b53' '#f7a072' '#2a4d69' '#0b1d2c' \
  -fill '#ffd27f' -draw 'circle 820,500 820,430' \
  -fill '#3b3b4f' -draw 'polygon 0,520 0,430 120,430 120,380 200,380 200,440 330,440 330,520' \
  -fill '#5c3d2e' -draw 'polygon 520,600 760,600 720,640 560,640' -stroke '#eeeeee' -strokewidth 4 -draw 'line 640,600 640,470' -stroke none \
  -fill '#ffffff' -draw 'polygon 644,475 644,590 720,590'
scene lighthouse-in-fog 'Lighthouse in fog' '#9aa5ae' '#d9dee2' '#7d8a8f' '#4b575c' \
  -fill '#5f6b70' -draw 'polygon 700,520 1200,460 1200,520' \
  -fill '#f2f2f2' -draw 'polygon 880,470 940,470 930,250 890,250' \
  -fill '#c0392b' -draw 'rectangle 887,320 933,350' -draw 'rectangle 884,400 936,430' \
  -fill '#333333' -draw 'rectangle 885,225 935,250' -fill '#fff3b0' -draw 'polygon 935,235 1200,180 1200,300'
scene old-town-rooftops 'Old town rooftops' '#6fb1fc' '#d6ecff' '#b5651d' '#6e3b12' \
  -fill '#e07a5f' -draw 'polygon 40,560 200,420 360,560' -draw 'polygon 420,540 560,400 700,540' -draw 'polygon 760,560 940,380 1120,560' \
  -fill '#f4e1c1' -draw 'rectangle 70,560 330,700' -draw 'rectangle 450,540 670,700' -draw 'rectangle 790,560 1090,700' \
  -fill '#3d5a80' -draw 'rectangle 120,600 170,650' -draw 'rectangle 230,600 280,650' -draw 'rectangle 530,580 590,640' -draw 'rectangle 860,600 920,660' -draw 'rectangle 960,600 1020,660'
scene sailing-regatta 'Sailing regatta' '#4facfe' '#c2e9fb' '#1e6091' '#0d3b66' \
  -fill '#fff8dc' -draw 'circle 150,140 150,90' \
  -fill '#ffffff' -draw 'polygon 300,580 300,360 420,580' -draw 'polygon 640,600 640,330 780,600' -draw 'polygon 960,570 960,400 1050,570' \
  -fill '#e63946' -draw 'polygon 290,580 290,400 210,580' -fill '#ffb703' -draw 'polygon 630,600 630,380 540,600' \
  -fill '#222222' -draw 'polygon 230,585 440,585 420,610 250,610' -draw 'polygon 540,605 800,605 780,632 560,632' -draw 'polygon 900,575 1070,575 1055,595 915,595'
# bob
scene mountain-lake 'Mountain lake' '#89c2d9' '#e0fbfc' '#2c7da0' '#013a63' \
  -fill '#6c757d' -draw 'polygon 0,520 260,220 520,520' -draw 'polygon 380,520 700,160 1020,520' -draw 'polygon 860,520 1080,280 1200,400 1200,520' \
  -fill '#ffffff' -draw 'polygon 640,228 700,160 760,228 730,215 700,240 670,215' -draw 'polygon 210,278 260,220 310,278 260,262' \
  -fill '#1b4332' -draw 'polygon 0,520 0,470 60,420 120,470 180,430 240,520'
scene pine-forest-trail 'Pine forest trail' '#a8dadc' '#f1faee' '#52796f' '#2f3e46' \
  -fill '#2d6a4f' -draw 'polygon 100,560 180,260 260,560' -draw 'polygon 300,540 370,300 440,540' -draw 'polygon 760,540 840,240 920,540' -draw 'polygon 960,570 1050,280 1140,570' \
  -fill '#1b4332' -draw 'polygon 500,520 550,340 600,520' -draw 'polygon 640,520 690,360 740,520' \
  -fill '#d4a373' -draw 'polygon 560,700 640,700 610,520 590,520'
scene snowy-summit 'Snowy summit' '#023e8a' '#90e0ef' '#f8f9fa' '#ced4da' \
  -fill '#adb5bd' -draw 'polygon 100,560 600,120 1100,560' \
  -fill '#ffffff' -draw 'polygon 490,217 600,120 710,217 660,200 600,250 540,200' \
  -fill '#fff3b0' -draw 'circle 1000,120 1000,80' -fill '#495057' -draw 'polygon 0,560 200,430 400,560'
# demo album (any other subject)
scene demo-sunset-dunes 'Sunset over dunes' '#ff7b00' '#ffd000' '#e09f3e' '#9e2a2b' \
  -fill '#fff1d0' -draw 'circle 600,470 600,390' \
  -fill '#c46d2d' -draw 'polygon 0,560 300,470 650,560' -fill '#a44a1f' -draw 'polygon 500,580 900,480 1200,580'
scene demo-city-lights 'City lights' '#03045e' '#3a0ca3' '#240046' '#10002b' \
  -fill '#f8f9fa' -draw 'circle 1050,110 1050,80' \
  -fill '#1b1b3a' -draw 'rectangle 60,300 200,560' -draw 'rectangle 240,220 360,560' -draw 'rectangle 420,340 560,560' -draw 'rectangle 620,180 740,560' -draw 'rectangle 800,280 960,560' -draw 'rectangle 1000,360 1140,560' \
  -fill '#ffd166' -draw 'rectangle 90,330 110,350' -draw 'rectangle 150,400 170,420' -draw 'rectangle 270,260 290,280' -draw 'rectangle 310,330 330,350' -draw 'rectangle 650,220 670,240' -draw 'rectangle 690,300 710,320' -draw 'rectangle 840,320 860,340' -draw 'rectangle 900,420 920,440' -draw 'rectangle 1040,400 1060,420'
